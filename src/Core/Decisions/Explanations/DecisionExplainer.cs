using System.Globalization;
using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions.Explanations;

/// <summary>
/// Writes a decision in plain language for product leads, in English and Korean: the decision, how the arms
/// convert, how strong the evidence is under the policy, and the reason-specific detail (error guard, sample-ratio
/// mismatch, minimum sample, lift margin).
/// </summary>
public static class DecisionExplainer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");

    public static DecisionExplanation Explain(DecisionResult result) => new(Explain(result, English), Explain(result, Korean));

    /// <summary>The explanation in one language (Korean for "ko", English otherwise).</summary>
    public static string Explain(DecisionResult result, CultureInfo culture)
    {
        var (snapshot, policy) = (result.Snapshot, result.Policy);
        var sentences = new List<string>();
        var statistics = result.Statistics;
        if (statistics is not null)
        {
            sentences.Add(Conversion(statistics, snapshot, policy, culture));
        }

        if (statistics is not null && result.Decision is Decision.Promote or Decision.KeepTesting)
        {
            sentences.Add(Evidence(result, snapshot, policy, culture));
        }

        foreach (var reason in result.Reasons)
        {
            sentences.AddRange(ReasonSentences(reason, result, snapshot, policy, culture));
        }

        var decision = ExplanationText.Get($"Decision_{result.Decision}", culture);
        return ExplanationText.Format("Headline", culture, decision, string.Join(" ", sentences));
    }

    private static string Conversion(ExperimentStatistics statistics, ExperimentSnapshot snapshot, DecisionPolicy policy, CultureInfo culture)
    {
        if (snapshot.Staging.ExposedUnits == 0 || snapshot.Production.ExposedUnits == 0)
        {
            return ExplanationText.Get("NoDataYet", culture);
        }

        var staging = ExplanationFormat.Rate(statistics.StagingConversion.Estimate);
        var production = ExplanationFormat.Rate(statistics.ProductionConversion.Estimate);
        var lift = statistics.RelativeLift;
        if (lift.Error != StatisticsError.None)
        {
            return ExplanationText.Format("ConversionNoLift", culture, staging, production);
        }

        return ExplanationText.Format("Conversion", culture, staging, production,
            ExplanationFormat.SignedPercent(lift.Lift), ExplanationFormat.Rate(1 - policy.Alpha).Replace(".0%", "%", StringComparison.Ordinal),
            ExplanationFormat.SignedPercent(lift.LiftLower), ExplanationFormat.SignedPercent(lift.LiftUpper));
    }

    private static string Evidence(DecisionResult result, ExperimentSnapshot snapshot, DecisionPolicy policy, CultureInfo culture)
    {
        var p = ExplanationFormat.PValue(result.PolicyPValue, culture);
        var alpha = ExplanationFormat.Number(policy.Alpha);
        var significant = result.PolicyPValue < policy.Alpha;
        if (policy.Significance == SignificanceMethod.FixedHorizon)
        {
            return ExplanationText.Format(significant ? "FixedSignificant" : "FixedNotSignificant", culture, p, alpha);
        }

        var started = Math.Min(snapshot.Staging.ExposedUnits, snapshot.Production.ExposedUnits) >= policy.MinUnitsPerArm;
        return started || policy.Significance != SignificanceMethod.MixtureSprt
            ? ExplanationText.Format(significant ? "SequentialSignificant" : "SequentialNotSignificant", culture, p, alpha)
            : ExplanationText.Format("SequentialNotStarted", culture, ExplanationFormat.Count(policy.MinUnitsPerArm));
    }

    private static IEnumerable<string> ReasonSentences(
        ReasonCode reason, DecisionResult result, ExperimentSnapshot snapshot, DecisionPolicy policy, CultureInfo culture)
    {
        var key = reason.ToString();
        var staging = snapshot.Staging;
        switch (reason)
        {
            case ReasonCode.ErrorRateAboveLimit or ReasonCode.ErrorRateAboveLimitPaused:
                yield return ExplanationText.Format("ErrorRateAboveLimit", culture, ExplanationFormat.Rate(staging.ErrorRate.Rate),
                    ExplanationFormat.Count(staging.Errors), ExplanationFormat.Count(staging.Requests), ExplanationFormat.Rate(policy.MaxStagingErrorRate));
                if (policy.ErrorGuardConfidence is { } confidence && result.Statistics is { } statistics)
                {
                    yield return ExplanationText.Format("ErrorRateLowerBound", culture, ExplanationFormat.Rate(confidence).Replace(".0%", "%", StringComparison.Ordinal),
                        ExplanationFormat.Rate(statistics.StagingErrorRate.Lower));
                }

                yield return ExplanationText.Get(reason == ReasonCode.ErrorRateAboveLimit ? "RollbackAction" : key, culture);
                break;
            case ReasonCode.SampleRatioMismatch:
                var share = (double)staging.ExposedUnits / Math.Max(1, snapshot.TotalUnits);
                yield return ExplanationText.Format(key, culture, ExplanationFormat.Rate(share), ExplanationFormat.Rate(snapshot.StagingShare),
                    ExplanationFormat.PValue(result.Statistics?.SampleRatio.PValue ?? 1, culture), ExplanationFormat.Number(policy.SampleRatioMismatch.Alpha));
                break;
            case ReasonCode.WaitingForMinimumUnits:
                var smaller = Math.Min(staging.ExposedUnits, snapshot.Production.ExposedUnits);
                yield return ExplanationText.Format(key, culture, ExplanationFormat.Count(policy.MinUnitsPerArm), ExplanationFormat.Count(smaller));
                break;
            case ReasonCode.LiftBelowMinimum:
                yield return ExplanationText.Format(key, culture, ExplanationFormat.SignedPercent(policy.MinRelativeLift).TrimStart('+'));
                break;
            case ReasonCode.ErrorGuardWaitingForRequests:
                yield return ExplanationText.Format(key, culture, ExplanationFormat.Count(policy.MinRequestsForErrorGuard), ExplanationFormat.Count(staging.Requests));
                break;
            case ReasonCode.ScoreDriftAlert:
                var psi = result.Drift?.Of(Drift.DriftComparisonKind.StagingVsReference)?.Numbers.Psi ?? 0;
                yield return ExplanationText.Format(key, culture, psi.ToString("0.00", CultureInfo.InvariantCulture), ExplanationFormat.Number(policy.Drift.PsiAlert));
                yield return ExplanationText.Get("RollbackAction", culture);
                break;
            case ReasonCode.NotSignificant:
                break;
            default:
                yield return ExplanationText.Get(key, culture);
                break;
        }
    }
}
