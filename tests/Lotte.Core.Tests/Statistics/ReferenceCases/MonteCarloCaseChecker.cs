using System.Globalization;
using System.Text.Json;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section H <c>monte_carlo</c>: re-simulates the reference's setup with <see cref="PolicySimulator"/> (batches of
/// 1 000 units, Binomial(1 000, 0.1) to Staging, a look after each batch, 2 000 runs) and checks every reported
/// fraction. The random streams differ from the reference's, so a fraction passes when
/// |ours − reference| ≤ <see cref="StandardErrors"/> · √(se_ref² + se_ours²), with se_ref the file's <c>mc_se</c>
/// (or the binomial √(f(1 − f)/runs) where it gives none) and se_ours the binomial standard error of our estimate.
/// Medians of units are not compared (they are reported in docs/statistics.md).
/// </summary>
internal static class MonteCarloCaseChecker
{
    public const double StandardErrors = 4.0;

    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var scenario = new MonteCarloScenario(c.Inputs);
        var e = c.Expected;
        foreach (var metric in e.Field("ever_during_200_looks").EnumerateObject())
        {
            if (scenario.EverMetric(metric.Name) is { } measure)
            {
                Compare(assert, metric.Name, measure(), metric.Value.Double("fraction"), metric.Value.Double("mc_se"), scenario.Runs);
            }
            else
            {
                assert.True($"no simulation for metric {metric.Name}", false);
            }
        }

        CompareSingleLook(assert, scenario, e.Field("single_look_at_200000"), 200_000);
        CompareSingleLook(assert, scenario, e.Field("single_look_at_planned_n"), e.Field("single_look_at_planned_n").Long("look_units"));

        var fullRule = e.Field("full_rule_with_error_rate");
        var errorRate = fullRule.Double("true_error_rate_both_arms");
        CompareFullRule(assert, scenario, "naive", fullRule.Field("naive"), scenario.Naive, errorRate);
        CompareFullRule(assert, scenario, "msprt", fullRule.Field("msprt_tau2_1e-04"), scenario.Msprt(1e-4), errorRate);

        foreach (var stream in e.Field("rollback_rule_alone_ever_fires").EnumerateObject())
        {
            var rate = double.Parse(stream.Name["true_error_rate_".Length..], CultureInfo.InvariantCulture);
            var report = scenario.Simulate(scenario.Naive, baselineRate: 0, lift: 0, errorRate: rate);
            Compare(assert, "rollback alone " + stream.Name, report.RollbackRate, stream.Value.Double("fraction"), stream.Value.Double("mc_se"), scenario.Runs);
        }
    }

    private static void CompareSingleLook(CaseAssert assert, MonteCarloScenario scenario, JsonElement expected, long lookUnits)
    {
        var report = scenario.Simulate(scenario.Naive, lookInterval: lookUnits, horizon: lookUnits);
        var name = $"single look at {lookUnits} ";
        Compare(assert, name + "p < 0.05", report.EverSignificantRate, expected.Double("naive_p_lt_0.05_any_direction"), null, scenario.Runs);
        Compare(assert, name + "promote", report.PromoteRate, expected.Double("naive_promote"), null, scenario.Runs);
    }

    private static void CompareFullRule(
        CaseAssert assert, MonteCarloScenario scenario, string name, JsonElement expected, DecisionPolicy policy, double errorRate)
    {
        var report = scenario.Simulate(policy, errorRate: errorRate, productionErrorRate: errorRate);
        Compare(assert, $"full rule {name} ROLLBACK", report.RollbackRate, expected.Double("ROLLBACK"), null, scenario.Runs);
        Compare(assert, $"full rule {name} PROMOTE", report.PromoteRate, expected.Double("PROMOTE"), null, scenario.Runs);
        Compare(assert, $"full rule {name} KEEP_TESTING", report.KeepTestingRate, expected.Double("KEEP_TESTING_at_200000"), null, scenario.Runs);
    }

    private static void Compare(CaseAssert assert, string metric, double ours, double reference, double? referenceSe, int runs)
    {
        var seReference = referenceSe ?? BinomialSe(reference, runs);
        var bound = StandardErrors * Math.Sqrt(seReference * seReference + BinomialSe(ours, runs) * BinomialSe(ours, runs));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{metric,-60} reference {reference,7:0.0000}  ours {ours,7:0.0000}  |diff| {Math.Abs(ours - reference):0.0000} <= {bound:0.0000}"));
        assert.Close(metric, ours, reference, new Tolerance(0, bound));
    }

    private static double BinomialSe(double fraction, int runs) => Math.Sqrt(fraction * (1 - fraction) / runs);
}
