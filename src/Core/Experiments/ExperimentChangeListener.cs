using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;
using Lotte.Core.Ingestion.Projection;
using Lotte.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lotte.Core.Experiments;

/// <summary>
/// Holds one LISTEN connection per replica; each change notification evicts the experiment from the
/// assignment cache and is published to the in-process feed, and each events-stored notification wakes the
/// projector. Reconnects with backoff; while disconnected the cache's short lifetime still bounds how stale an
/// answer can be, and the projector polls. Losing the connection is published as "everything changed" too, so open
/// pages reload at once and show that the database is unavailable instead of silently showing old numbers.
/// </summary>
public sealed class ExperimentChangeListener(
    IOptions<DatabaseOptions> database,
    ExperimentConfigCache configs,
    ExperimentChangeFeed feed,
    ProjectionSignal projection,
    ILogger<ExperimentChangeListener> logger) : BackgroundService
{
    private bool _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                if (_listening)
                {
                    _listening = false;
                    backoff = TimeSpan.FromMilliseconds(250);
                    feed.Publish(ExperimentChangeFeed.Everything);
                }

                logger.LogWarning(ex, "Listening for experiment changes failed; retrying in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (e.Channel == ProjectionSql.EventsStoredChannel)
            {
                projection.Wake();
            }
            else if (Guid.TryParse(e.Payload, out var experimentId))
            {
                configs.Evict(experimentId);
                feed.Publish(experimentId);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {IngestionSql.ChangeChannel}; LISTEN {ProjectionSql.EventsStoredChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        _listening = true;
        logger.LogInformation("Listening for experiment changes");
        // Whatever changed while this replica was not listening is unknown: refresh everything once.
        configs.Evict(ExperimentChangeFeed.Everything);
        feed.Publish(ExperimentChangeFeed.Everything);
        projection.Wake();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }
}
