using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;

namespace Lotte.Simulator;

/// <summary>Prints reports as Markdown table rows, so the output can go straight into docs.</summary>
internal static class ReportPrinter
{
    public const string Header =
        "| scenario | PROMOTE | error guard fired (ROLLBACK) | HALT | KEEP TESTING | ever p<α | median units to PROMOTE | p90 | median days | median Staging requests to error guard | seconds |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>The policy settings that matter for a simulation, on one line.</summary>
    public static string Describe(DecisionPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture,
            $"policy {policy.Kind}: significance {policy.Significance} (alpha {policy.Alpha}, tau2 {policy.Tau2}, {policy.SprtVariance} variance), " +
            $"min lift {policy.MinRelativeLift}, min units/arm {policy.MinUnitsPerArm}, error limit {policy.MaxStagingErrorRate} " +
            $"(min requests {policy.MinRequestsForErrorGuard}, confidence {policy.ErrorGuardConfidence?.ToString(CultureInfo.InvariantCulture) ?? "none"}, {policy.ErrorGuardAction}), " +
            $"SRM halt {(policy.HaltOnSampleRatioMismatch ? "on" : "off")}");

    public static string Row(string scenario, SimulationReport report, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {Percent(report.PromoteRate)} | {Percent(report.ErrorGuardRate)} | {Percent(report.HaltRate)} | {Percent(report.KeepTestingRate)} | " +
            $"{Percent(report.EverSignificantRate)} | {Units(report.ToPromote?.MedianUnits)} | {Units(report.ToPromote?.P90Units)} | " +
            $"{Days(report.ToPromote?.MedianDays)} | {Units(report.ToErrorGuard?.MedianStagingRequests)} | {elapsed.TotalSeconds:0.00} |");

    private static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Units(double? units) => units is { } value ? value.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    private static string Days(double? days) => days is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
