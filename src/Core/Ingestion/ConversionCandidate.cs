namespace Lotte.Core.Ingestion;

/// <summary>
/// A conversion to attribute: one of the batch's new events, or an earlier one of a unit whose first
/// exposure has only now arrived (it was counted as unattributed until now).
/// </summary>
internal sealed record ConversionCandidate(string PseudonymKey, DateTimeOffset OccurredAt, decimal? Value, bool CountedAsUnattributed);
