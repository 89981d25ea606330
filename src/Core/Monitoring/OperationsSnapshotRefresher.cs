using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Monitoring;

/// <summary>
/// Reads the operations snapshot once per <see cref="MonitoringOptions.RefreshInterval"/> and publishes it for the
/// metric instruments. When PostgreSQL does not answer, the last snapshot stays (its age shows how stale it is).
/// </summary>
public sealed class OperationsSnapshotRefresher(
    OperationsSnapshotReader reader,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<OperationsSnapshotRefresher> logger) : BackgroundService
{
    private volatile OperationsSnapshot _current = OperationsSnapshot.Empty;

    /// <summary>The latest snapshot; <see cref="OperationsSnapshot.Empty"/> until the first read succeeds.</summary>
    public OperationsSnapshot Current => _current;

    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        _current = await reader.ReadAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not refresh the operations metrics: {Message}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
