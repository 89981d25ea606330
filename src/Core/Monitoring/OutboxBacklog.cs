namespace Lotte.Core.Monitoring;

/// <summary>Entries of the registry outbox not yet applied, for one model and one status.</summary>
/// <param name="Retrying">Entries of that status whose delivery already failed at least once.</param>
public sealed record OutboxBacklog(string Model, string Status, long Entries, long Retrying);
