using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// Per-experiment decision policy: the ADR-008 thresholds plus how significance and the error guard are judged.
/// Start from <see cref="SequentialRecommended"/> (the default for new experiments) or <see cref="Adr008AsWritten"/>
/// and change single settings with <c>with</c>.
/// </summary>
public sealed record DecisionPolicy
{
    /// <summary>The seed rule exactly: error rate &gt; 1 % → ROLLBACK; lift &gt; 5 % and fixed-horizon p &lt; 0.05 → PROMOTE.</summary>
    public static DecisionPolicy Adr008AsWritten { get; } = new()
    {
        Kind = PolicyKind.Adr008AsWritten,
        Significance = SignificanceMethod.FixedHorizon,
        ExactTestForSmallCounts = false,
        MinUnitsPerArm = 0,
        MinRequestsForErrorGuard = 0,
        ErrorGuardConfidence = null,
        HaltOnSampleRatioMismatch = false,
    };

    /// <summary>
    /// Same thresholds, safe under continuous monitoring. The defaults were chosen by simulation
    /// (docs/statistics.md gives the figures and the command).
    /// </summary>
    public static DecisionPolicy SequentialRecommended { get; } = new();

    /// <summary>The policy new experiments start with.</summary>
    public static DecisionPolicy Default => SequentialRecommended;

    public PolicyKind Kind { get; init; } = PolicyKind.Sequential;

    public SignificanceMethod Significance { get; init; } = SignificanceMethod.MixtureSprt;

    /// <summary>Significance level the policy's p-value is compared with.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>PROMOTE needs Staging's rate strictly above Production's × (1 + this). Compared exactly.</summary>
    public double MinRelativeLift { get; init; } = 0.05;

    /// <summary>Staging error rate above this rolls back (or pauses, see <see cref="ErrorGuardAction"/>).</summary>
    public double MaxStagingErrorRate { get; init; } = 0.01;

    /// <summary>
    /// Units each arm needs before the policy may PROMOTE. For the mixture SPRT the always-valid p also only starts
    /// its running minimum from here on, so early small-sample swings cannot lock in a low p.
    /// </summary>
    public long MinUnitsPerArm { get; init; } = 1000;

    /// <summary>Staging requests needed before the error guard may fire.</summary>
    public long MinRequestsForErrorGuard { get; init; } = 200;

    /// <summary>
    /// One-sided confidence with which Staging's error rate must be above the limit: the guard fires when the lower
    /// Wilson bound at this confidence exceeds <see cref="MaxStagingErrorRate"/>. Null compares the observed rate itself.
    /// </summary>
    public double? ErrorGuardConfidence { get; init; } = 0.99;

    public ErrorGuardAction ErrorGuardAction { get; init; } = ErrorGuardAction.RollBack;

    /// <summary>HALT when the observed split differs from the configured one (sample-ratio mismatch).</summary>
    public bool HaltOnSampleRatioMismatch { get; init; } = true;

    public SampleRatioMismatchSettings SampleRatioMismatch { get; init; } = SampleRatioMismatchSettings.Default;

    /// <summary>Mixing variance τ² of the mixture SPRT (absolute difference scale; 1e-4 = a 1-point difference).</summary>
    public double Tau2 { get; init; } = 1e-4;

    public MixtureSprtVariance SprtVariance { get; init; } = MixtureSprtVariance.Pooled;

    /// <summary>GrowthBook's N* when <see cref="Significance"/> is <see cref="SignificanceMethod.GrowthBookSequential"/>.</summary>
    public double GrowthBookTuning { get; init; } = 5000;

    /// <summary>Use Fisher's exact test for the fixed-horizon p when an expected cell count is below 5.</summary>
    public bool ExactTestForSmallCounts { get; init; } = true;

    /// <summary>How prediction-score drift is judged; by default it warns and never changes the decision.</summary>
    public DriftPolicy Drift { get; init; } = DriftPolicy.Default;

    public MixtureSprtSettings SprtSettings => new(Tau2, Alpha, SprtVariance);

    public GrowthBookSequentialSettings GrowthBookSettings => new(Alpha, GrowthBookTuning, DifferenceType.Relative);

    /// <summary>Settings that make no sense, in plain words; empty when the policy is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AddIf(Alpha is not (> 0 and < 1), "Alpha must be between 0 and 1.");
        AddIf(!(MinRelativeLift >= 0) || MinRelativeLift > 1e6, "MinRelativeLift must be 0 or more.");
        AddIf(MaxStagingErrorRate is not (>= 0 and < 1), "MaxStagingErrorRate must be in [0, 1).");
        AddIf(MinUnitsPerArm < 0 || MinRequestsForErrorGuard < 0, "Minimum counts cannot be negative.");
        AddIf(ErrorGuardConfidence is { } confidence && confidence is not (> 0.5 and < 1), "ErrorGuardConfidence must be in (0.5, 1).");
        AddIf(!(Tau2 > 0) || !double.IsFinite(Tau2), "Tau2 must be positive.");
        AddIf(!(GrowthBookTuning > 0), "GrowthBookTuning must be positive.");
        AddIf(SampleRatioMismatch.Alpha is not (> 0 and < 1), "The sample-ratio alpha must be between 0 and 1.");
        problems.AddRange(Drift?.Validate() ?? ["Drift settings are missing."]);
        return problems;

        void AddIf(bool condition, string problem)
        {
            if (condition)
            {
                problems.Add(problem);
            }
        }
    }
}
