namespace Lotte.Core.Ingestion;

/// <summary>How many events of a batch were new (counted) and how many had been received before (ignored).</summary>
public sealed record IngestionResult(int Accepted, int Duplicates);
