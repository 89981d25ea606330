using Lotte.Core.Decisions.Approvals;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Dashboard.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>
/// The outbox entries of one experiment: pending (with the next attempt), applied, or failed with the registry's
/// error and, for leads, a retry. The page reloads them with every live change.
/// </summary>
public sealed partial class RegistryChangesPanel
{
    private bool _busy;
    private bool _canRetry;

    [Parameter, EditorRequired] public string ExperimentKey { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<RegistryChange> Changes { get; set; } = [];
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private RegistryChanges Registry { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _canRetry = (await Authorization.AuthorizeAsync(user, DashboardPolicies.Decide)).Succeeded;
    }

    private async Task RetryAsync(RegistryChange change)
    {
        var user = (await Authentication).User;
        if (!(await Authorization.AuthorizeAsync(user, DashboardPolicies.Decide)).Succeeded)
        {
            Snackbar.Add(L["Only an ML lead or a product lead may decide."], Severity.Error);
            return;
        }

        _busy = true;
        try
        {
            var result = await Registry.RetryAsync(ExperimentKey, change.Id, Deciders.From(user), comment: null);
            Snackbar.Add(result.Message, result.Outcome == LeadActionOutcome.Applied ? Severity.Success : Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string KindText(RegistryMoveKind kind) => kind == RegistryMoveKind.Promote ? "Promote to Production" : "Roll back Staging";

    internal static string StatusText(RegistryChangeStatus status) => status switch
    {
        RegistryChangeStatus.Applied => "Applied",
        RegistryChangeStatus.Failed => "Failed",
        _ => "Pending",
    };

    private static Color ColorOf(RegistryChangeStatus status) => status switch
    {
        RegistryChangeStatus.Applied => Color.Success,
        RegistryChangeStatus.Failed => Color.Error,
        _ => Color.Warning,
    };
}
