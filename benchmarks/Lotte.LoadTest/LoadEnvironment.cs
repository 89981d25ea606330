using System.Security.Cryptography;
using Lotte.Core.ApiKeys;
using Lotte.Core.Experiments;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.LoadTest;

/// <summary>
/// A throwaway database on the local cluster, the Release dashboard started on it in Production (with fresh
/// privacy keys) on a free loopback port, an API key with both scopes, and running experiments.
/// </summary>
public sealed class LoadEnvironment : IAsyncDisposable
{
    private LoadEnvironment(TestDatabase database, DashboardProcess dashboard, string token, DateTimeOffset startedAt)
    {
        Database = database;
        Dashboard = dashboard;
        Token = token;
        StartedAt = startedAt;
    }

    public TestDatabase Database { get; }
    public DashboardProcess Dashboard { get; }
    public string Token { get; }

    /// <summary>When the experiments started: events may be stamped from a few minutes before it until now.</summary>
    public DateTimeOffset StartedAt { get; }

    public static async Task<LoadEnvironment> StartAsync(IEnumerable<string> experimentKeys)
    {
        if (RepositoryRoot.BuildConfiguration != "Release")
        {
            throw new InvalidOperationException("Measure a Release build: run with -c Release.");
        }

        var database = await TestDatabase.CreateAsync();
        var startedAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(15);
        await using (var db = database.CreateContext())
        {
            foreach (var key in experimentKeys)
            {
                var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "load-test", startedAt);
                experiment.Start(startedAt);
                db.Experiments.Add(experiment);
            }

            await db.SaveChangesAsync();
        }

        var created = await new ApiKeyService(database.CreateContextFactory(), TimeProvider.System)
            .CreateAsync("load-test", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "load-test");
        var dashboard = await DashboardProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Privacy:PseudonymKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Privacy:EncryptionKeys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Privacy:ActiveEncryptionKeyId"] = "k1",
        });
        return new LoadEnvironment(database, dashboard, created.Token, startedAt);
    }

    public async Task<Guid> ExperimentIdAsync(string key)
    {
        await using var db = Database.CreateContext();
        return (await db.Experiments.SingleAsync(e => e.Key == key)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Database.DisposeAsync();
    }
}
