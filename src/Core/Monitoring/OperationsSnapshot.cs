namespace Lotte.Core.Monitoring;

/// <summary>What the operations metrics report, read from PostgreSQL at <see cref="TakenAt"/> in one go.</summary>
public sealed record OperationsSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<ExperimentGauges> Experiments,
    IReadOnlyList<OutboxBacklog> Outbox)
{
    public static OperationsSnapshot Empty { get; } = new(DateTimeOffset.MinValue, [], []);

    public bool IsEmpty => TakenAt == DateTimeOffset.MinValue;
}
