namespace Lotte.EndToEnd.Reliability;

/// <summary>
/// The reliability browser tests run after the other browser tests, one at a time: the outage test starts a cluster
/// and loads the machine, and the cross-replica test measures latency, like <c>ExperimentPagesTests</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Reliability (runs alone)";
}
