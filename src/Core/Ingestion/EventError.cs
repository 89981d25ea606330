namespace Lotte.Core.Ingestion;

/// <summary>Why the event at <paramref name="Index"/> of a batch was refused. Never carries the unit id.</summary>
public sealed record EventError(int Index, string? EventId, IReadOnlyList<string> Reasons);
