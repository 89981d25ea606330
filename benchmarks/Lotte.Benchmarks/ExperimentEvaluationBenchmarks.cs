using BenchmarkDotNet.Attributes;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Explanations;
using Lotte.Core.Statistics;

namespace Lotte.Benchmarks;

/// <summary>
/// Evaluating one experiment at one look, at 1 000 and at 100 000 000 exposed units. The engine reads sufficient
/// statistics only, so both sizes should cost the same; the bare z-test is the baseline the ratios refer to.
/// </summary>
[MemoryDiagnoser]
public class ExperimentEvaluationBenchmarks
{
    private ExperimentSnapshot snapshot = null!;
    private SequentialState state = null!;

    [Params(1_000L, 100_000_000L)]
    public long Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 90 / 10 split, 5 % vs 6 % conversion, 0.5 % Staging errors: a realistic running experiment.
        var staging = Units / 10;
        var production = Units - staging;
        snapshot = new ExperimentSnapshot(
            new ArmSnapshot(production, production / 20, production, production / 400),
            new ArmSnapshot(staging, staging * 6 / 100, staging, staging / 200));
        state = new SequentialState(10, 0.5, -0.01, 0.03);
    }

    [Benchmark(Baseline = true, Description = "bare z-test")]
    public TwoProportionZTestResult BareZTest() =>
        TwoProportionZTest.Compute(snapshot.Staging.Conversion, snapshot.Production.Conversion);

    [Benchmark(Description = "evaluate, ADR-008 as written")]
    public DecisionResult EvaluateAsWritten() => DecisionEngine.Evaluate(snapshot, DecisionPolicy.Adr008AsWritten, state);

    [Benchmark(Description = "evaluate, Sequential")]
    public DecisionResult EvaluateSequential() => DecisionEngine.Evaluate(snapshot, DecisionPolicy.SequentialRecommended, state);

    [Benchmark(Description = "evaluate + explain (en, ko), Sequential")]
    public DecisionExplanation EvaluateAndExplain() =>
        DecisionExplainer.Explain(DecisionEngine.Evaluate(snapshot, DecisionPolicy.SequentialRecommended, state));
}
