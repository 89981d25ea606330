using Bunit;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Dashboard.Auth;
using Lotte.Dashboard.Components.Pages.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class RegistryChangesPanelTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public RegistryChangesPanelTests() =>
        Services.AddSingleton(new RegistryChanges(null!, TimeProvider.System)); // only a retry click would use the database

    [Fact]
    public void Render_NoChanges_SaysWhenTheRegistryWillChange()
    {
        var panel = Render<RegistryChangesPanel>(p => p.Add(c => c.ExperimentKey, "exp").Add(c => c.Changes, []));

        Assert.Contains("No registry change yet", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=registry-change]"));
    }

    [Fact]
    public void Render_PendingAfterFailedAttempts_ShowsTheNextAttemptAndTheRegistrysError()
    {
        var pending = Change(RegistryChangeStatus.Pending, attempts: 3, error: "2026-11-25 09:00:00Z Connection refused");

        var panel = Render<RegistryChangesPanel>(p => p.Add(c => c.ExperimentKey, "exp").Add(c => c.Changes, [pending]));

        var row = panel.Find("[data-testid=registry-change]");
        Assert.Equal("Pending", row.GetAttribute("data-status"));
        Assert.Contains("Promote to Production", row.TextContent);
        Assert.Contains("The registry did not answer; next attempt at", row.TextContent);
        Assert.Contains("Connection refused", row.TextContent);
    }

    [Fact]
    public void Render_Applied_ShowsWhenAndHow_WithoutTheOldError()
    {
        var applied = Change(RegistryChangeStatus.Applied, attempts: 2, error: null);
        applied.AppliedAt = Now;
        applied.Outcome = RegistryChangeOutcome.AlreadyThere;

        var panel = Render<RegistryChangesPanel>(p => p.Add(c => c.ExperimentKey, "exp").Add(c => c.Changes, [applied]));

        var row = panel.Find("[data-testid=registry-change]");
        Assert.Equal("Applied", row.GetAttribute("data-status"));
        Assert.Contains("Applied at", row.TextContent);
        Assert.Contains("already in the registry", row.TextContent);
    }

    [Fact]
    public void Render_FailedForAViewer_OffersNoRetry()
    {
        var failed = Change(RegistryChangeStatus.Failed, attempts: 20, error: "503 Service Unavailable");

        var panel = Render<RegistryChangesPanel>(p => p.Add(c => c.ExperimentKey, "exp").Add(c => c.Changes, [failed]));

        Assert.Equal("Failed", panel.Find("[data-testid=registry-change]").GetAttribute("data-status"));
        Assert.Empty(panel.FindAll("[data-testid=registry-retry]"));
    }

    [Fact]
    public void Render_FailedForALead_OffersARetry()
    {
        Authorization.SetRoles(DashboardRoles.MlLead);
        Authorization.SetPolicies(DashboardPolicies.View, DashboardPolicies.Decide);
        var failed = Change(RegistryChangeStatus.Failed, attempts: 20, error: "503 Service Unavailable");

        var panel = Render<RegistryChangesPanel>(p => p.Add(c => c.ExperimentKey, "exp").Add(c => c.Changes, [failed]));

        Assert.Single(panel.FindAll("[data-testid=registry-retry]"));
    }

    private static RegistryChange Change(RegistryChangeStatus status, int attempts, string? error) => new()
    {
        Id = 7, ExperimentKey = "exp", Kind = RegistryMoveKind.Promote, ModelName = "undervaluation-score", Version = "4", ReplacedVersion = "3",
        Status = status, Attempts = attempts, LastError = error, NextAttemptAt = Now.AddSeconds(30), CreatedAt = Now.AddMinutes(-5),
        Outcome = status == RegistryChangeStatus.Failed ? "retry budget spent (20 attempts)" : null,
    };
}
