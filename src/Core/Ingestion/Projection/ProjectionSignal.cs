namespace Lotte.Core.Ingestion.Projection;

/// <summary>
/// Wakes the projector: set after a batch commits on this replica, and on the events-stored notification
/// from any replica. Wakes coalesce; the projector drains everything committed each time it wakes.
/// </summary>
public sealed class ProjectionSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake-pending: one wake is enough.
        }
    }

    /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
