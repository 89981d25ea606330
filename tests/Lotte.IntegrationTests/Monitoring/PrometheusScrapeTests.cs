using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lotte.Core.ApiKeys;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.IntegrationTests.Api;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Monitoring;

/// <summary>
/// A real Prometheus server scrapes the dashboard process every second while events arrive through the service API;
/// the per-arm counters, the decision, the policy's limit, the approval age and the outbox backlog show up in
/// Prometheus with the values the database holds.
/// </summary>
public class PrometheusScrapeTests
{
    private const string Job = "lotte-dashboard";
    private const string Model = "undervaluation-score";
    private static readonly TimeSpan SeriesTimeout = TimeSpan.FromSeconds(60);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_EventsIngestedThroughTheApi_PerArmSeriesReachPrometheusWithTheStoredCounts()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        var experiment = await AddExperimentAsync(database, "prometheus-live", awaitingApproval: false);
        await AddExperimentAsync(database, "prometheus-waiting", awaitingApproval: true);
        await AddFailedOutboxEntryAsync(database, experiment);
        var token = (await new ApiKeyService(database.CreateContextFactory(), TimeProvider.System)
            .CreateAsync("prometheus-test", ApiKeyScopes.Ingest, "tests", _ct)).Token;
        await using var dashboard = await DashboardProcess.StartAsync(database.ConnectionString,
            new Dictionary<string, string> { ["Monitoring:RefreshInterval"] = "00:00:01" });
        await using var prometheus = await PrometheusServer.StartAsync(dashboard.BaseAddress, Job);
        var started = clock.Elapsed;

        // Production: 6 units (one exposed twice), 2 converted. Staging: 3 units, 1 converted, 2 errors.
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        object[] events =
        [
            .. Enumerable.Range(1, 6).Select(i => WireEvents.Exposure($"p{i}", $"prod-{i}", "production", at)),
            WireEvents.Exposure("p7", "prod-1", "production", at.AddSeconds(1)),
            WireEvents.Conversion("c1", "prod-1", at.AddMinutes(1)),
            WireEvents.Conversion("c2", "prod-2", at.AddMinutes(1)),
            .. Enumerable.Range(1, 3).Select(i => WireEvents.Exposure($"s{i}", $"stag-{i}", "staging", at)),
            WireEvents.Conversion("c3", "stag-1", at.AddMinutes(1)),
            WireEvents.Error("e1", "staging", at.AddSeconds(2)),
            WireEvents.Error("e2", "staging", at.AddSeconds(3)),
        ];
        using var client = dashboard.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsJsonAsync($"api/v1/experiments/{experiment.Key}/events", new { events }, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ingested = clock.Elapsed;

        var expected = new Dictionary<string, double>
        {
            [$"lotte_experiment_exposed_units_total{{experiment=\"{experiment.Key}\",arm=\"production\"}}"] = 6,
            [$"lotte_experiment_exposed_units_total{{experiment=\"{experiment.Key}\",arm=\"staging\"}}"] = 3,
            [$"lotte_experiment_converted_units_total{{experiment=\"{experiment.Key}\",arm=\"production\"}}"] = 2,
            [$"lotte_experiment_converted_units_total{{experiment=\"{experiment.Key}\",arm=\"staging\"}}"] = 1,
            [$"lotte_experiment_requests_total{{experiment=\"{experiment.Key}\",arm=\"production\"}}"] = 7,
            [$"lotte_experiment_requests_total{{experiment=\"{experiment.Key}\",arm=\"staging\"}}"] = 5,
            [$"lotte_experiment_errors_total{{experiment=\"{experiment.Key}\",arm=\"production\"}}"] = 0,
            [$"lotte_experiment_errors_total{{experiment=\"{experiment.Key}\",arm=\"staging\"}}"] = 2,
            [$"lotte_experiment_decision{{experiment=\"{experiment.Key}\",decision=\"KEEP_TESTING\"}}"] = 1,
            [$"lotte_experiment_decision{{experiment=\"{experiment.Key}\",decision=\"PROMOTE\"}}"] = 0,
            [$"lotte_experiment_max_staging_error_rate{{experiment=\"{experiment.Key}\"}}"] = 0.01,
            [$"lotte_experiment_sample_ratio_alpha{{experiment=\"{experiment.Key}\"}}"] = 0.001,
            [$"lotte_registry_outbox_entries{{model=\"{Model}\",status=\"failed\"}}"] = 1,
            [$"up{{job=\"{Job}\"}}"] = 1,
        };
        var observed = await WaitForSeriesAsync(prometheus, expected);
        var seen = clock.Elapsed;

        Assert.Equal(expected, observed);
        var labels = (await prometheus.QueryAsync($"lotte_experiment_exposed_units_total{{experiment=\"{experiment.Key}\",arm=\"staging\"}}")).Single().Labels;
        Assert.Equal(Model, labels["model"]);
        Assert.Equal(Job, labels["job"]);
        var waiting = (await prometheus.QueryAsync("lotte_decision_awaiting_approval_age_seconds{experiment=\"prometheus-waiting\"}")).Single().Value;
        Assert.InRange(waiting, TimeSpan.FromHours(2).TotalSeconds, TimeSpan.FromHours(3).TotalSeconds);
        // Lag counts from the last batch that stored new events, or from the start when none came (started 3 hours ago).
        var lag = (await prometheus.QueryAsync($"lotte_ingestion_lag_seconds{{experiment=\"{experiment.Key}\"}}")).Single().Value;
        Assert.InRange(lag, 0, SeriesTimeout.TotalSeconds + 30);
        var silent = (await prometheus.QueryAsync("lotte_ingestion_lag_seconds{experiment=\"prometheus-waiting\"}")).Single().Value;
        Assert.InRange(silent, TimeSpan.FromHours(3).TotalSeconds, TimeSpan.FromHours(3.5).TotalSeconds);
        // The HPA's request-rate metric is derived from ASP.NET Core's request counter (docs/operations.md, "Scale").
        Assert.NotEmpty(await prometheus.QueryAsync($"http_server_request_duration_seconds_count{{job=\"{Job}\"}}"));
        var policyP = (await prometheus.QueryAsync($"lotte_experiment_policy_p_value{{experiment=\"{experiment.Key}\"}}")).Single().Value;
        Assert.InRange(policyP, 0, 1);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"dashboard and Prometheus ready after {started.TotalSeconds:F1} s; events ingested at {ingested.TotalSeconds:F1} s; " +
            $"every series in Prometheus at {seen.TotalSeconds:F1} s ({(seen - ingested).TotalSeconds:F1} s after ingestion)");
    }

    /// <summary>Queries each expression until every one has the expected value or the timeout passes; returns what was seen last.</summary>
    private static async Task<Dictionary<string, double>> WaitForSeriesAsync(PrometheusServer prometheus, Dictionary<string, double> expected)
    {
        var deadline = Stopwatch.StartNew();
        var observed = new Dictionary<string, double>();
        while (true)
        {
            foreach (var query in expected.Keys)
            {
                var result = await prometheus.QueryAsync(query);
                observed[query] = result.Count == 1 ? result[0].Value : double.NaN;
            }

            if (expected.All(e => observed[e.Key].Equals(e.Value)) || deadline.Elapsed > SeriesTimeout)
            {
                return observed;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<Experiment> AddExperimentAsync(TestDatabase database, string key, bool awaitingApproval)
    {
        var now = DateTimeOffset.UtcNow;
        var experiment = new Experiment(key, key, Model, "3", "4", "tests", now.AddHours(-3));
        experiment.Start(now.AddHours(-3));
        if (awaitingApproval)
        {
            experiment.AwaitApproval(now.AddHours(-2));
        }

        await using var db = database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment;
    }

    private static async Task AddFailedOutboxEntryAsync(TestDatabase database, Experiment experiment)
    {
        await using var db = database.CreateContext();
        db.RegistryOutbox.Add(new RegistryChange
        {
            ExperimentId = experiment.Id,
            ModelName = Model,
            Version = "4",
            Status = RegistryChangeStatus.Failed,
            Attempts = 5,
            LastError = "registry unreachable",
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        await db.SaveChangesAsync();
    }
}
