using Lotte.Core.Decisions;
using Lotte.Core.Experiments;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The create form's editable state, with the product's defaults (10% Staging, the Sequential policy).</summary>
public sealed class NewExperimentForm
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? ModelName { get; set; }
    public string? ProductionVersion { get; set; }
    public string? StagingVersion { get; set; }
    public double StagingSharePercent { get; set; } = 10;
    public ExperimentMode Mode { get; set; } = ExperimentMode.AbTest;
    public PolicyKind PolicyKind { get; set; } = PolicyKind.Sequential;
    public double MaxErrorRatePercent { get; set; } = 1;
    public double MinLiftPercent { get; set; } = 5;
    public double Alpha { get; set; } = 0.05;
    public long MinUnitsPerArm { get; set; } = DecisionPolicy.SequentialRecommended.MinUnitsPerArm;
    public ErrorGuardAction ErrorGuardAction { get; set; } = ErrorGuardAction.RollBack;
    public ApprovalMode ApprovalMode { get; set; } = ApprovalMode.OneLead;
    public double PsiWarn { get; set; } = DriftPolicy.Default.PsiWarn;
    public double PsiAlert { get; set; } = DriftPolicy.Default.PsiAlert;
    public bool RollBackOnDrift { get; set; } = DriftPolicy.Default.RollBackOnDrift;
    public bool StartNow { get; set; } = true;

    /// <summary>Forecast inputs that are not part of the experiment: expected traffic and baseline.</summary>
    public double UnitsPerDay { get; set; } = 10_000;
    public double BaselinePercent { get; set; } = 5;

    public DecisionPolicy Policy
    {
        get
        {
            var preset = PolicyKind == PolicyKind.Sequential ? DecisionPolicy.SequentialRecommended : DecisionPolicy.Adr008AsWritten;
            return preset with
            {
                MaxStagingErrorRate = MaxErrorRatePercent / 100,
                MinRelativeLift = MinLiftPercent / 100,
                Alpha = Alpha,
                MinUnitsPerArm = PolicyKind == PolicyKind.Sequential ? MinUnitsPerArm : 0,
                ErrorGuardAction = ErrorGuardAction,
                Drift = preset.Drift with { PsiWarn = PsiWarn, PsiAlert = PsiAlert, RollBackOnDrift = RollBackOnDrift },
            };
        }
    }

    public ForecastInputs ForecastInputs => new(Policy, StagingSharePercent / 100, BaselinePercent / 100, UnitsPerDay);

    public NewExperiment ToRequest() => new(Key.Trim(), Name, Description, ModelName ?? "", ProductionVersion ?? "", StagingVersion ?? "",
        StagingSharePercent / 100, Mode, Policy, ApprovalMode, StartNow);
}
