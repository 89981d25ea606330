using System.Globalization;
using System.Text.Json;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// The reference's Monte-Carlo setup as simulator settings, and the policy behind each metric name of the file.
/// Reports are cached per settings, since several metrics come from one simulation.
/// </summary>
internal sealed class MonteCarloScenario
{
    private readonly JsonElement inputs;
    private readonly Dictionary<SimulationSettings, SimulationReport> reports = [];

    public MonteCarloScenario(JsonElement inputs)
    {
        this.inputs = inputs;
        Runs = (int)inputs.Long("runs");
        Naive = DecisionPolicy.Adr008AsWritten with { Alpha = inputs.Double("alpha"), MinRelativeLift = inputs.Double("lift_factor") - 1 };
    }

    public int Runs { get; }

    public DecisionPolicy Naive { get; }

    public DecisionPolicy Msprt(double tau2) => ReferenceInputs.ReferenceMsprtPolicy(tau2, Naive.Alpha) with { MinRelativeLift = Naive.MinRelativeLift };

    /// <summary>The simulation that measures a metric of <c>ever_during_200_looks</c>, or null for an unknown name.</summary>
    public Func<double>? EverMetric(string name)
    {
        const string msprtPromote = "msprt_promote_tau2_", msprtAny = "msprt_p_lt_0.05_tau2_", growthBook = "growthbook_seq_promote_N";
        return name switch
        {
            "naive_p_lt_0.05_any_direction" => () => Simulate(Naive).EverSignificantRate,
            "naive_promote" => () => Simulate(Naive).PromoteRate,
            "naive_promote_no_lift_condition" => () => Simulate(Naive with { MinRelativeLift = 0 }).PromoteRate,
            "msprt_pooled_variance_p_lt_0.05_tau2_0.0001" => () => Simulate(Pooled()).EverSignificantRate,
            "msprt_pooled_variance_promote_tau2_0.0001" => () => Simulate(Pooled()).PromoteRate,
            _ when name.StartsWith(msprtPromote, StringComparison.Ordinal) => () => Simulate(Msprt(Number(name, msprtPromote))).PromoteRate,
            _ when name.StartsWith(msprtAny, StringComparison.Ordinal) => () => Simulate(Msprt(Number(name, msprtAny))).EverSignificantRate,
            _ when name.StartsWith(growthBook, StringComparison.Ordinal) => () => Simulate(GrowthBook(Number(name, growthBook))).PromoteRate,
            _ => null,
        };
    }

    public SimulationReport Simulate(
        DecisionPolicy policy, double? baselineRate = null, double? lift = null, double errorRate = 0,
        double productionErrorRate = 0, long? lookInterval = null, long? horizon = null)
    {
        var baseline = baselineRate ?? inputs.Double("p_control");
        var batch = inputs.Long("batch_units");
        var settings = new SimulationSettings
        {
            Policy = policy,
            BaselineRate = baseline,
            TrueRelativeLift = lift ?? (baseline > 0 ? inputs.Double("p_treatment") / baseline - 1 : 0),
            StagingErrorRate = errorRate,
            ProductionErrorRate = productionErrorRate,
            StagingShare = inputs.Double("treatment_share"),
            LookIntervalUnits = lookInterval ?? batch,
            HorizonUnits = horizon ?? batch * inputs.Long("looks"),
            Runs = Runs,
            Seed = inputs.Long("seed"),
        };
        if (!reports.TryGetValue(settings, out var report))
        {
            report = PolicySimulator.Run(settings, cancellationToken: TestContext.Current.CancellationToken);
            reports[settings] = report;
        }

        return report;
    }

    private SimulationReport Simulate(DecisionPolicy policy) => Simulate(policy, null);

    private DecisionPolicy Pooled() => Msprt(1e-4) with { SprtVariance = Lotte.Core.Statistics.MixtureSprtVariance.Pooled };

    private DecisionPolicy GrowthBook(double tuning) => Naive with
    {
        Significance = SignificanceMethod.GrowthBookSequential,
        GrowthBookTuning = tuning,
    };

    private static double Number(string name, string prefix) => double.Parse(name[prefix.Length..], CultureInfo.InvariantCulture);
}
