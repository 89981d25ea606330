using Lotte.Core.Notifications;
using Lotte.Dashboard.Auth;
using Lotte.Dashboard.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Lotte.Dashboard.Components.Pages.Admin;

/// <summary>Admins add and disable webhooks and read the delivery log; every action is re-authorized on the server.</summary>
public sealed partial class WebhooksPage
{
    private static readonly NotificationKind[] Kinds =
    [
        NotificationKind.DecisionChanged, NotificationKind.AwaitingApproval, NotificationKind.RolledBack,
        NotificationKind.PromotionApplied, NotificationKind.RegistryChangeFailed, NotificationKind.DriftAlert,
    ];

    private IReadOnlyList<Webhook> _webhooks = [];
    private IReadOnlyList<(WebhookDelivery Delivery, string Webhook)> _deliveries = [];
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();
    private string _name = "";
    private string _url = "";
    private string? _experimentKey;
    private WebhookFormat _format = WebhookFormat.Slack;
    private NotificationKind _events = NotificationKind.All;
    private string? _secret;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] private Webhooks Webhooks { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    internal static string KindText(NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionChanged => "Decision changed",
        NotificationKind.AwaitingApproval => "Awaiting approval",
        NotificationKind.RolledBack => "Rolled back",
        NotificationKind.PromotionApplied => "Promotion applied",
        NotificationKind.RegistryChangeFailed => "Registry change failed",
        NotificationKind.DriftAlert => "Drift alert",
        _ => kind.ToString(),
    };

    private string? Problem(string field) => _problems.TryGetValue(field, out var problem) ? L[problem].Value : null;

    private void Toggle(NotificationKind kind, bool on) => _events = on ? _events | kind : _events & ~kind;

    private async Task CreateAsync()
    {
        _secret = null;
        if (await AdminAsync() is not { } admin)
        {
            return;
        }

        var (_, secret, problems) = await Webhooks.CreateAsync(new NewWebhook(_name, _url.Trim(), _format, _events, _experimentKey?.Trim()), admin);
        (_secret, _problems) = (secret, problems);
        if (secret is not null)
        {
            (_name, _url, _experimentKey) = ("", "", null);
            await ReloadAsync();
        }
    }

    private async Task SetEnabledAsync(Webhook webhook, bool enabled)
    {
        if (await AdminAsync() is { } admin)
        {
            await Webhooks.SetEnabledAsync(webhook.Id, enabled, admin);
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        _webhooks = await Webhooks.ListAsync();
        _deliveries = await Webhooks.DeliveriesAsync();
    }

    /// <summary>Re-checked on the server for every action, not only when the page opened.</summary>
    private async Task<string?> AdminAsync()
    {
        var user = (await Authentication).User;
        return (await Authorization.AuthorizeAsync(user, DashboardPolicies.Administer)).Succeeded ? Deciders.UserName(user) : null;
    }
}
