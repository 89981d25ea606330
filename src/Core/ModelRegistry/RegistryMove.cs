namespace Lotte.Core.ModelRegistry;

/// <summary>
/// A change of which version serves, decided by an experiment.
/// <list type="bullet">
/// <item><see cref="RegistryMoveKind.Promote"/>: <see cref="Version"/> becomes the serving version (stage Production
/// archiving the others, or the champion alias); <see cref="ReplacedVersion"/> is archived or gets the previous
/// alias, so undoing the promotion is one pointer move; the challenger alias leaves <see cref="Version"/>.</item>
/// <item><see cref="RegistryMoveKind.RollBack"/>: <see cref="Version"/> leaves Staging (stage Archived, or the
/// challenger alias removed); the serving version is not touched.</item>
/// </list>
/// </summary>
/// <param name="ReplacedVersion">The Production version when the decision was taken.</param>
/// <param name="ApprovalReference">Which approval moved it: the lead action ids, or "automatic" for the error guard.</param>
public sealed record RegistryMove(
    RegistryMoveKind Kind,
    string ModelName,
    string Version,
    string ReplacedVersion,
    string ExperimentKey,
    string ApprovalReference);

public enum RegistryMoveKind
{
    Promote,
    RollBack,
}
