using Lotte.Core.ApiKeys;
using Lotte.Core.Experiments;

namespace Lotte.Testing;

/// <summary>What a process test needs in any database with the dashboard's schema: a running experiment and a service API key.</summary>
public static class TestExperiments
{
    /// <summary>A running A/B test on the built-in registry's model names, started an hour ago.</summary>
    public static async Task<Experiment> AddRunningAsync(string connectionString, string key, double stagingShare = 0.1)
    {
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", started);
        experiment.SetStagingShare(stagingShare, started);
        experiment.Start(started);
        await using var db = TestDatabase.CreateContext(connectionString);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment;
    }

    public static async Task<string> CreateApiKeyAsync(string connectionString) =>
        (await new ApiKeyService(TestDatabase.CreateContextFactory(connectionString), TimeProvider.System)
            .CreateAsync("reliability-tests", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "tests")).Token;
}
