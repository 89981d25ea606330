using System.Globalization;

namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>
/// The <see cref="RegistryTags"/> a move writes on the moved version. The experiment tag is written last, so when it
/// and the decision tag show the move, every other tag of the move is there too.
/// </summary>
internal static class MoveTags
{
    public const string PromoteDecision = "PROMOTE";
    public const string RollBackDecision = "ROLLBACK";

    public static string DecisionOf(RegistryMove move) =>
        move.Kind == RegistryMoveKind.Promote ? PromoteDecision : RollBackDecision;

    public static bool AreWritten(IReadOnlyDictionary<string, string> tags, RegistryMove move) =>
        tags.GetValueOrDefault(RegistryTags.Experiment) == move.ExperimentKey
        && tags.GetValueOrDefault(RegistryTags.Decision) == DecisionOf(move);

    /// <summary>The tags to write, in order; empty when they are all written already.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Missing(
        IReadOnlyDictionary<string, string> tags, RegistryMove move, DateTimeOffset now)
    {
        if (AreWritten(tags, move))
        {
            return [];
        }
        var wanted = new List<KeyValuePair<string, string>>
        {
            new(RegistryTags.Decision, DecisionOf(move)),
            new(RegistryTags.Approval, move.ApprovalReference),
        };
        if (move.Kind == RegistryMoveKind.Promote && !string.IsNullOrEmpty(move.ReplacedVersion))
        {
            wanted.Add(new(RegistryTags.ReplacedVersion, move.ReplacedVersion));
        }
        var missing = wanted.Where(t => tags.GetValueOrDefault(t.Key) != t.Value).ToList();
        missing.Add(new(RegistryTags.MovedAt, now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        missing.Add(new(RegistryTags.Experiment, move.ExperimentKey));
        return missing;
    }
}
