using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Notifications;

namespace Lotte.Core.Tests.Notifications;

public sealed class NotificationEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("decision.changed", null, NotificationKind.DecisionChanged)]
    [InlineData("decision.promote.awaiting_approval", null, NotificationKind.AwaitingApproval)]
    [InlineData("decision.rollback.applied", null, NotificationKind.RolledBack)]
    [InlineData("override.forcerollback", null, NotificationKind.RolledBack)]
    [InlineData("registry.change.applied", """{"Kind":"Promote"}""", NotificationKind.PromotionApplied)]
    [InlineData("registry.change.applied", """{"Kind":"RollBack"}""", NotificationKind.None)]
    [InlineData("registry.change.failed", """{"Kind":"RollBack"}""", NotificationKind.RegistryChangeFailed)]
    [InlineData("drift.alert", null, NotificationKind.DriftAlert)]
    [InlineData("decision.approved", null, NotificationKind.None)]
    [InlineData("webhook.created", null, NotificationKind.None)]
    public void KindOf_AuditedAction_IsTheNotificationItRaises(string action, string? after, NotificationKind expected) =>
        Assert.Equal(expected, NotificationEvents.KindOf(Entry(action, after: after)));

    [Theory]
    [InlineData("KeepTesting", "Promote", true)]
    [InlineData("Promote", "KeepTesting", true)]
    [InlineData("KeepTesting", "Halt", false)]
    public void IsSignificanceAlert_OnlyChangesToOrFromPromote(string before, string after, bool expected) =>
        Assert.Equal(expected, NotificationEvents.IsSignificanceAlert(Entry("decision.changed",
            before: JsonSerializer.Serialize(new { Decision = before }), after: JsonSerializer.Serialize(new { Decision = after }))));

    [Fact]
    public void Payloads_SlackTeamsAndGeneric_CarryTheTitleAndTheLink()
    {
        var message = NotificationEvents.Message(Entry("decision.rollback.applied", justification: "error rate 3.1% above 1%"),
            new Uri("https://dashboard.example.com/"));

        using var slack = JsonDocument.Parse(WebhookPayloads.Build(WebhookFormat.Slack, message));
        using var teams = JsonDocument.Parse(WebhookPayloads.Build(WebhookFormat.Teams, message));
        using var generic = JsonDocument.Parse(WebhookPayloads.Build(WebhookFormat.Generic, message));

        var text = slack.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("exp-1: Staging rolled back", text);
        Assert.Contains("error rate 3.1% above 1%", text);
        Assert.Contains("<https://dashboard.example.com/experiments/exp-1|", text);
        Assert.Equal("MessageCard", teams.RootElement.GetProperty("@type").GetString());
        Assert.Equal(message.Title, teams.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://dashboard.example.com/experiments/exp-1",
            teams.RootElement.GetProperty("potentialAction")[0].GetProperty("targets")[0].GetProperty("uri").GetString());
        Assert.Equal(("RolledBack", 42L, "exp-1"), (generic.RootElement.GetProperty("event").GetString(),
            generic.RootElement.GetProperty("auditId").GetInt64(), generic.RootElement.GetProperty("experiment").GetString()));
    }

    private static AuditEntry Entry(string action, string? before = null, string? after = null, string? justification = null) => new()
    {
        Id = 42, At = At, ActorName = "decision engine", Action = action, Subject = "exp-1", ExperimentId = Guid.NewGuid(),
        BeforeJson = before, AfterJson = after, Justification = justification,
    };
}
