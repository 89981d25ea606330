namespace Lotte.Core.Experiments;

/// <summary>
/// In-process fan-out of "experiment X changed" (new events, new settings), fed by PostgreSQL
/// LISTEN/NOTIFY so every replica hears of changes made through any other. Subscribers must be quick.
/// </summary>
public sealed class ExperimentChangeFeed
{
    public event Action<Guid>? Changed;

    public void Publish(Guid experimentId) => Changed?.Invoke(experimentId);
}
