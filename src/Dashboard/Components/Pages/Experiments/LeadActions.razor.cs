using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Auth;
using Lotte.Dashboard.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>
/// Approve, reject and override, for leads. Shown only to leads, and re-authorized on the server when
/// used; the Core service checks the role, the justification and the status again.
/// </summary>
public sealed partial class LeadActions
{
    private LeadActionKind? _chosen;
    private string? _comment;
    private bool _busy;

    [Parameter, EditorRequired] public Experiment Experiment { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private ExperimentDecisions Decisions { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private IEnumerable<LeadActionKind> Available => Experiment.Mode == ExperimentMode.Shadow ? ShadowActions : Experiment.Status switch
    {
        ExperimentStatus.AwaitingApproval => [LeadActionKind.Approve, LeadActionKind.Reject, LeadActionKind.ForceRollback, LeadActionKind.Pause, LeadActionKind.Stop],
        ExperimentStatus.Running => [LeadActionKind.ForcePromote, LeadActionKind.ForceRollback, LeadActionKind.Pause, LeadActionKind.Extend, LeadActionKind.Stop],
        ExperimentStatus.Paused => [LeadActionKind.Resume, LeadActionKind.ForcePromote, LeadActionKind.ForceRollback, LeadActionKind.Stop],
        ExperimentStatus.RolledBack => [LeadActionKind.Reopen],
        _ => [],
    };

    /// <summary>A shadow test cannot be promoted (it served nobody); it graduates to an A/B test instead.</summary>
    private IEnumerable<LeadActionKind> ShadowActions => Experiment.Status switch
    {
        ExperimentStatus.Running => [LeadActionKind.Graduate, LeadActionKind.ForceRollback, LeadActionKind.Pause, LeadActionKind.Stop],
        ExperimentStatus.Paused => [LeadActionKind.Resume, LeadActionKind.Graduate, LeadActionKind.ForceRollback, LeadActionKind.Stop],
        ExperimentStatus.RolledBack => [LeadActionKind.Reopen],
        _ => [],
    };

    private void Choose(LeadActionKind kind) => (_chosen, _comment) = (kind, null);

    private async Task ConfirmAsync()
    {
        var user = (await Authentication).User;
        if (_chosen is not { } kind || !(await Authorization.AuthorizeAsync(user, DashboardPolicies.Decide)).Succeeded)
        {
            Snackbar.Add(L["Only an ML lead or a product lead may decide."], Severity.Error);
            return;
        }

        _busy = true;
        try
        {
            var result = await Decisions.ActAsync(Experiment.Key, kind, Deciders.From(user), _comment);
            var severity = result.Outcome switch
            {
                LeadActionOutcome.Applied => Severity.Success,
                LeadActionOutcome.AlreadyDecided => Severity.Warning,
                _ => Severity.Error,
            };
            Snackbar.Add(result.Message, severity);
            if (result.Outcome == LeadActionOutcome.Applied)
            {
                _chosen = null;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static Color ColorOf(LeadActionKind kind) => kind switch
    {
        LeadActionKind.Approve or LeadActionKind.ForcePromote or LeadActionKind.Graduate => Color.Success,
        LeadActionKind.ForceRollback or LeadActionKind.Stop or LeadActionKind.Reject => Color.Error,
        _ => Color.Default,
    };

    private static string Label(LeadActionKind kind) => kind switch
    {
        LeadActionKind.Approve => "Approve promotion",
        LeadActionKind.Reject => "Reject (keep testing)",
        LeadActionKind.ForcePromote => "Force promote",
        LeadActionKind.ForceRollback => "Force rollback",
        LeadActionKind.Pause => "Pause",
        LeadActionKind.Resume => "Resume",
        LeadActionKind.Extend => "Keep testing",
        LeadActionKind.Stop => "Stop",
        LeadActionKind.Graduate => "Graduate to an A/B test at 10%",
        _ => "Re-open",
    };
}
