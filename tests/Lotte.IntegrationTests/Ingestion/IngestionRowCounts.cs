namespace Lotte.IntegrationTests.Ingestion;

/// <summary>Rows in the tables that ingestion writes to.</summary>
public sealed record IngestionRowCounts(long RawEvents, long Units, long ArmStatistics, long IngestionTotals)
{
    public static IngestionRowCounts None { get; } = new(0, 0, 0, 0);
}
