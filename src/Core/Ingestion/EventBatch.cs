namespace Lotte.Core.Ingestion;

/// <summary>
/// The parsed batch: valid events, the refused ones with their reasons, or a whole-body problem
/// (not an events object, too many events). Only a batch with neither errors nor problem is stored.
/// </summary>
public sealed record EventBatch(IReadOnlyList<IncomingEvent> Events, IReadOnlyList<EventError> Errors, string? BodyProblem)
{
    public bool IsValid => BodyProblem is null && Errors.Count == 0;

    public static EventBatch Malformed(string problem) => new([], [], problem);
}
