using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.ModelRegistry;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Reliability;

/// <summary>
/// The model registry unreachable for a long while (compressed: 40 s with a short retry policy and a large attempt
/// budget, standing for the production default's hour): decisions keep being evaluated, the outbox entry waits
/// (Pending, attempts growing, the registry's error kept), readiness is Degraded with the registry's reason, and the
/// experiment page shows the pending change with its error.
/// </summary>
public class RegistryOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(40);
    private static readonly Decider MlLead = new("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead });

    [Fact]
    public async Task RegistryUnreachable_LooksContinue_OutboxWaitsPending_ReadinessDegraded_PageShowsTheError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var watched = await TestExperiments.AddRunningAsync(database.ConnectionString, "still-evaluated");
        var rolledBack = await TestExperiments.AddRunningAsync(database.ConnectionString, "waits-for-registry");
        var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
        await using var app = await DashboardProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Decisions:Enabled"] = "true",
            ["Decisions:LookInterval"] = "00:00:01",
            ["ModelRegistry:Provider"] = "Mlflow",
            ["ModelRegistry:Mlflow:TrackingUri"] = $"http://127.0.0.1:{FreePort.Next()}/", // nothing listens there
            ["ModelRegistry:Mlflow:AttemptTimeout"] = "00:00:01",
            ["ModelRegistry:Mlflow:TotalTimeout"] = "00:00:02",
            ["ModelRegistry:Outbox:FirstRetryDelay"] = "00:00:00.500",
            ["ModelRegistry:Outbox:MaxRetryDelay"] = "00:00:02",
            ["ModelRegistry:Outbox:MaxAttempts"] = "1000",
            ["ModelRegistry:Outbox:PollInterval"] = "00:00:00.200",
        });
        var load = new SteadyIngestion(new RetryingEventSender(app.BaseAddress, token, TimeSpan.FromSeconds(30)), watched.Key, "registry-down", 10,
            TimeSpan.FromMilliseconds(250), withErrors: false);
        load.Start();
        await new ExperimentDecisions(database.CreateContextFactory(), TimeProvider.System)
            .ActAsync(rolledBack.Key, LeadActionKind.ForceRollback, MlLead, "staging errors reported by support", ct);
        var start = DateTimeOffset.UtcNow;
        var early = await ChangeAsync(database, rolledBack.Key);

        await Task.Delay(Outage, ct);
        await load.StopAsync();

        var late = await ChangeAsync(database, rolledBack.Key);
        await using var db = database.CreateContext();
        var looks = await db.DecisionEvaluations.CountAsync(e => e.ExperimentId == watched.Id && e.EvaluatedAt > start, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Over {Outage.TotalSeconds:F0} s without a registry: {looks} looks at {watched.Key}; the rollback's registry change went from " +
            $"{early.Attempts} to {late.Attempts} attempts, still {late.Status}: {late.LastError}");
        Assert.True(looks >= Outage.TotalSeconds / 2, $"Only {looks} looks in {Outage}.");
        Assert.Equal(RegistryChangeStatus.Pending, late.Status);
        Assert.True(late.Attempts >= early.Attempts + 5, $"Attempts went from {early.Attempts} to {late.Attempts}.");
        Assert.False(string.IsNullOrEmpty(late.LastError));

        using var client = app.CreateClient();
        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        var registry = report.RootElement.GetProperty("checks").GetProperty("model-registry");
        Assert.Equal("Degraded", registry.GetProperty("status").GetString());
        Assert.StartsWith("mlflow:", registry.GetProperty("description").GetString());

        using var viewer = await DevSignIn.ClientAsync(app.BaseAddress, "viewer");
        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync(new Uri($"experiments/{rolledBack.Key}", UriKind.Relative), ct));
        var row = html[html.IndexOf("data-testid=\"registry-change\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var shown = await ChangeAsync(database, rolledBack.Key);
        Assert.Contains("data-status=\"Pending\"", row);
        Assert.Contains("The registry did not answer; next attempt at", row);
        Assert.Contains(shown.LastError!, row);
    }

    private static async Task<RegistryChange> ChangeAsync(TestDatabase database, string key)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = database.CreateContext();
            if (await db.RegistryOutbox.AsNoTracking().SingleOrDefaultAsync(c => c.ExperimentKey == key) is { Attempts: > 0 } change)
            {
                return change;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"No attempted registry change for {key}.");
            await Task.Delay(100);
        }
    }
}
