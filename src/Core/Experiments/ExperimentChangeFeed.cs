namespace Lotte.Core.Experiments;

/// <summary>
/// In-process fan-out of "experiment X changed" (new events, new settings), fed by PostgreSQL
/// LISTEN/NOTIFY so every replica hears of changes made through any other. Subscribers must be quick.
/// </summary>
public sealed class ExperimentChangeFeed
{
    /// <summary>
    /// Published when changes may have been missed (the LISTEN connection was re-established): every
    /// cache and open page treats it as "all experiments changed".
    /// </summary>
    public static readonly Guid Everything = Guid.Empty;

    public event Action<Guid>? Changed;

    public void Publish(Guid experimentId) => Changed?.Invoke(experimentId);
}
