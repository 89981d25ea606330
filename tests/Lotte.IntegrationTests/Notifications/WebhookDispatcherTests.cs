using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Experiments;
using Lotte.Core.Notifications;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lotte.IntegrationTests.Notifications;

/// <summary>Audited events → signed webhook deliveries to a receiver on loopback, on the real database.</summary>
public class WebhookDispatcherTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FieldEncryptor _encryptor = new(Options.Create(new PrivacyOptions
    {
        PseudonymKey = TestPrivacyKeys.PseudonymKey,
        EncryptionKeys = { [TestPrivacyKeys.EncryptionKeyId] = TestPrivacyKeys.EncryptionKey },
        ActiveEncryptionKeyId = TestPrivacyKeys.EncryptionKeyId,
    }));
    private WebhookReceiver _receiver = null!;

    /// <remarks>
    /// The class's tests share one database and run within seconds of each other, so each webhook subscribes to its own
    /// test's experiment: another test's audit entries fall inside the dispatcher's look-back window.
    /// </remarks>
    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(_ct);
        await using var db = fixture.Database.CreateContext();
        await db.Webhooks.ExecuteUpdateAsync(w => w.SetProperty(x => x.Enabled, false), _ct); // each test subscribes its own
    }

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task RolledBack_IsDeliveredOnce_SignedInSlacksFormat()
    {
        var experiment = await ExperimentAsync(startedDaysAgo: 10);
        var secret = await SubscribeAsync(WebhookFormat.Slack, NotificationKind.All, experiment.Key);
        await AuditAsync(experiment, "decision.rollback.applied", justification: "Staging's error rate 3.0% is above the 1% limit.");

        await Dispatcher().RunOnceAsync(_ct);
        await Dispatcher().RunOnceAsync(_ct);

        var received = Assert.Single(_receiver.Received);
        Assert.True(WebhookSignature.Verify(secret, received.Headers[WebhookSignature.Header], received.Body, _time.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal("RolledBack", received.Headers["X-Lotte-Event"]);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Contains($"{experiment.Key}: Staging rolled back", body.RootElement.GetProperty("text").GetString());
        var delivery = await DeliveryAsync();
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task ReceiverFailing_IsRetriedWithGrowingDelays_ThenDelivered()
    {
        var experiment = await ExperimentAsync(startedDaysAgo: 10);
        await SubscribeAsync(WebhookFormat.Teams, NotificationKind.AwaitingApproval, experiment.Key);
        await AuditAsync(experiment, "decision.promote.awaiting_approval");
        _receiver.FailNext(2);

        await Dispatcher().RunOnceAsync(_ct);
        var first = await DeliveryAsync();
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500), (first.Status, first.Attempts, first.LastStatusCode));
        await Dispatcher().RunOnceAsync(_ct);
        Assert.Single(_receiver.Received); // not due yet
        _time.Advance(first.NextAttemptAt - _time.GetUtcNow());
        await Dispatcher().RunOnceAsync(_ct);
        var second = await DeliveryAsync();
        Assert.True(second.NextAttemptAt - _time.GetUtcNow() > first.NextAttemptAt - first.CreatedAt, "the second delay should be longer");
        _time.Advance(second.NextAttemptAt - _time.GetUtcNow());
        await Dispatcher().RunOnceAsync(_ct);

        Assert.Equal([500, 500, 200], _receiver.Received.Select(r => r.AnsweredWith));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 3), ((await DeliveryAsync()).Status, (await DeliveryAsync()).Attempts));
        Assert.Equal("MessageCard", JsonDocument.Parse(_receiver.Received[^1].Body).RootElement.GetProperty("@type").GetString());
    }

    [Fact]
    public async Task EarlySignificanceAlert_IsSuppressed_ButLoggedForAdmins()
    {
        var young = await ExperimentAsync(startedDaysAgo: 1);
        await SubscribeAsync(WebhookFormat.Generic, NotificationKind.DecisionChanged, young.Key);
        await AuditAsync(young, "decision.changed", before: new { Decision = "KeepTesting" }, after: new { Decision = "Promote", SmallerArmUnits = 50_000 });

        await Dispatcher().RunOnceAsync(_ct);

        Assert.Empty(_receiver.Received);
        var delivery = await DeliveryAsync();
        Assert.Equal(WebhookDeliveryStatus.Suppressed, delivery.Status);
        Assert.Contains(delivery, (await Webhooks().DeliveriesAsync(_ct)).Select(d => d.Delivery), new IdComparer());
    }

    [Fact]
    public async Task SignificanceAlert_AfterTheQuietPeriodWithEnoughUnits_IsSent_FilteredByExperiment()
    {
        var settled = await ExperimentAsync(startedDaysAgo: 10);
        var other = await ExperimentAsync(startedDaysAgo: 10);
        await SubscribeAsync(WebhookFormat.Generic, NotificationKind.DecisionChanged, experimentKey: settled.Key);
        await AuditAsync(settled, "decision.changed", before: new { Decision = "KeepTesting" }, after: new { Decision = "Promote", SmallerArmUnits = 50_000 });
        await AuditAsync(other, "decision.changed", before: new { Decision = "KeepTesting" }, after: new { Decision = "Promote", SmallerArmUnits = 50_000 });

        await Dispatcher().RunOnceAsync(_ct);

        var received = Assert.Single(_receiver.Received);
        Assert.Equal(settled.Key, JsonDocument.Parse(received.Body).RootElement.GetProperty("experiment").GetString());
    }

    [Fact]
    public async Task Create_InvalidRequest_NamesEveryProblem_AndStoresTheSecretEncrypted()
    {
        var (_, _, problems) = await Webhooks().CreateAsync(new NewWebhook("", "ftp://x", WebhookFormat.Slack, NotificationKind.None, "no-such"), "admin", _ct);
        Assert.Equal(["Events", "ExperimentKey", "Name", "Url"], problems.Keys.Order());

        var (created, secret, _) = await Webhooks().CreateAsync(new NewWebhook("ops", _receiver.Url.ToString(), WebhookFormat.Slack, NotificationKind.All), "admin", _ct);
        await using var db = fixture.Database.CreateContext();
        var stored = await db.Webhooks.SingleAsync(w => w.Id == created!.Id, _ct);
        Assert.DoesNotContain(secret!, System.Text.Encoding.UTF8.GetString(stored.EncryptedSecret));
        Assert.Equal(secret, _encryptor.DecryptText(stored.EncryptedSecret, "webhook-secret"));
        Assert.Equal("webhook.created", (await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync(_ct)).Action);
    }

    private WebhookDispatcher Dispatcher() => new(
        fixture.Database.CreateContextFactory(),
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
        _encryptor,
        Options.Create(new DatabaseOptions { ConnectionString = fixture.Database.ConnectionString }),
        Options.Create(new NotificationOptions()), _time, NullLogger<WebhookDispatcher>.Instance);

    private Webhooks Webhooks() => new(fixture.Database.CreateContextFactory(), _encryptor, _time);

    private async Task<string> SubscribeAsync(WebhookFormat format, NotificationKind events, string? experimentKey = null)
    {
        var (_, secret, problems) = await Webhooks().CreateAsync(new NewWebhook("team", _receiver.Url.ToString(), format, events, experimentKey), "admin", _ct);
        Assert.Empty(problems);
        return secret!;
    }

    private async Task<Experiment> ExperimentAsync(int startedDaysAgo)
    {
        var key = $"hook-{Guid.NewGuid():N}"[..16];
        var started = _time.GetUtcNow().AddDays(-startedDaysAgo);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", started);
        experiment.Start(started);
        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        return experiment;
    }

    private async Task AuditAsync(Experiment experiment, string action, object? before = null, object? after = null, string? justification = null)
    {
        _time.Advance(TimeSpan.FromSeconds(1)); // after the webhook's creation
        await using var db = fixture.Database.CreateContext();
        db.AuditLog.Add(new AuditEntry
        {
            At = _time.GetUtcNow(), ActorName = "decision engine", ActorRole = "system", Action = action, ExperimentId = experiment.Id,
            Subject = experiment.Key, Justification = justification,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before), AfterJson = after is null ? null : JsonSerializer.Serialize(after),
        });
        await db.SaveChangesAsync(_ct);
    }

    private async Task<WebhookDelivery> DeliveryAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var webhooks = await db.Webhooks.Where(w => w.Enabled).Select(w => w.Id).ToListAsync(_ct);
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => webhooks.Contains(d.WebhookId), _ct);
    }

    private sealed class IdComparer : IEqualityComparer<WebhookDelivery>
    {
        public bool Equals(WebhookDelivery? x, WebhookDelivery? y) => x?.Id == y?.Id;
        public int GetHashCode(WebhookDelivery obj) => obj.Id.GetHashCode();
    }
}
