using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Decisions;

/// <summary>
/// How the prediction scores' drift is judged (docs/statistics.md, "Drift"). A comparison with fewer than
/// <see cref="MinScoresPerSide"/> scores on a side is not judged. It is an <em>alert</em> at PSI ≥ <see cref="PsiAlert"/>
/// and a <em>warning</em> at PSI ≥ <see cref="PsiWarn"/> or when Evidently's default test finds drift: the KS p-value
/// below <see cref="KsAlpha"/> while the smaller side has at most <see cref="KsMaxSampleSize"/> scores, the normed
/// Wasserstein distance at or above <see cref="WassersteinThreshold"/> beyond. Drift only warns, unless
/// <see cref="RollBackOnDrift"/> is set: then an alert on Staging's scores against the reference rolls back.
/// </summary>
public sealed record DriftPolicy
{
    public static DriftPolicy Default { get; } = new();

    public double PsiWarn { get; init; } = 0.1;

    public double PsiAlert { get; init; } = 0.25;

    /// <summary>Evidently's default threshold for the normed Wasserstein distance.</summary>
    public double WassersteinThreshold { get; init; } = 0.1;

    public double KsAlpha { get; init; } = 0.05;

    /// <summary>Up to this many scores on the smaller side the KS test judges, above it the normed Wasserstein distance (Evidently's rule).</summary>
    public long KsMaxSampleSize { get; init; } = 1000;

    public long MinScoresPerSide { get; init; } = 500;

    public int Bins { get; init; } = 20;

    public double ScoreMin { get; init; }

    public double ScoreMax { get; init; } = 1;

    /// <summary>How far before the start Production's scores of the model's earlier experiments are taken as the reference.</summary>
    public TimeSpan ReferenceLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Without enough scores before the start, the reference is Production's scores in the experiment over this long
    /// from its first one.
    /// </summary>
    public TimeSpan FallbackReferenceWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Each arm's current scores are those of this last stretch of time (so a drift that starts late shows in full).</summary>
    public TimeSpan CurrentWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An alert on Staging's scores against the reference rolls back (otherwise drift only warns).</summary>
    public bool RollBackOnDrift { get; init; }

    public ScoreBinning Binning => new(Bins, ScoreMin, ScoreMax);

    /// <summary>The level of one comparison under this policy.</summary>
    public DriftLevel Judge(ScoreDriftComparison comparison)
    {
        if (Math.Min(comparison.ReferenceCount, comparison.CurrentCount) < Math.Max(1, MinScoresPerSide)
            || comparison.Error is Statistics.StatisticsError.NoData or Statistics.StatisticsError.InvalidInput)
        {
            return DriftLevel.NotEvaluated;
        }

        if (comparison.Psi >= PsiAlert)
        {
            return DriftLevel.Alert;
        }

        var test = Math.Min(comparison.ReferenceCount, comparison.CurrentCount) <= KsMaxSampleSize
            ? comparison.KsPValue < KsAlpha
            : comparison.Error == Statistics.StatisticsError.None && comparison.NormedWasserstein >= WassersteinThreshold;
        return comparison.Psi >= PsiWarn || test ? DriftLevel.Warning : DriftLevel.None;
    }

    public IEnumerable<string> Validate()
    {
        if (!(PsiWarn > 0) || !(PsiAlert >= PsiWarn) || !double.IsFinite(PsiAlert))
        {
            yield return "Drift: PsiWarn must be positive and PsiAlert at least PsiWarn.";
        }

        if (!(WassersteinThreshold > 0) || !double.IsFinite(WassersteinThreshold))
        {
            yield return "Drift: WassersteinThreshold must be positive.";
        }

        if (KsAlpha is not (> 0 and < 1))
        {
            yield return "Drift: KsAlpha must be between 0 and 1.";
        }

        if (MinScoresPerSide < 0 || KsMaxSampleSize < 0)
        {
            yield return "Drift: minimum and sample-size counts cannot be negative.";
        }

        if (!Binning.IsValid)
        {
            yield return "Drift: Bins must be 2 to 1000 and ScoreMax above ScoreMin.";
        }

        if (ReferenceLookback < TimeSpan.Zero || FallbackReferenceWindow <= TimeSpan.Zero || CurrentWindow <= TimeSpan.Zero)
        {
            yield return "Drift: the reference and current windows must be positive.";
        }
    }
}
