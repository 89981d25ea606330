using Lotte.Core.ApiKeys;
using Lotte.Core.Experiments;
using Lotte.Testing;
using Npgsql;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// The built dashboard as a real process in Production on a fresh database holding a running, a draft and
/// a stopped experiment and four API keys: the target of the fuzz and hostile-input tests.
/// </summary>
public sealed class ServiceApiServer : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DashboardProcess _dashboard = null!;

    internal FuzzTarget Target { get; private set; } = null!;
    public Uri BaseAddress => _dashboard.BaseAddress;
    public IEnumerable<string> Output => _dashboard.Output;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var now = TimeProvider.System.GetUtcNow();
        var running = new Experiment("fuzz-running", "Fuzzed", "undervaluation-score", "3", "4", "fuzz@lotte.test", now);
        running.Start(now);
        var stopped = new Experiment("fuzz-stopped", "Stopped", "undervaluation-score", "3", "4", "fuzz@lotte.test", now);
        stopped.Start(now);
        stopped.Stop(now);
        await using (var db = _database.CreateContext())
        {
            db.Experiments.AddRange(running, stopped,
                new Experiment("fuzz-draft", "Draft", "undervaluation-score", "3", "4", "fuzz@lotte.test", now));
            await db.SaveChangesAsync();
        }

        var keys = new ApiKeyService(_database.CreateContextFactory(), TimeProvider.System);
        var both = await keys.CreateAsync("fuzz-both", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "fuzz");
        var assignOnly = await keys.CreateAsync("fuzz-assign", ApiKeyScopes.Assign, "fuzz");
        var ingestOnly = await keys.CreateAsync("fuzz-ingest", ApiKeyScopes.Ingest, "fuzz");
        var revoked = await keys.CreateAsync("fuzz-revoked", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "fuzz");
        await keys.RevokeAsync(revoked.Identity.Prefix, "fuzz");
        Target = new FuzzTarget(running.Key, "fuzz-draft", stopped.Key, now, both.Token, assignOnly.Token, ingestOnly.Token, revoked.Token);

        _dashboard = await DashboardProcess.StartAsync(_database.ConnectionString, IngestionPrivacySettings.Create());
    }

    /// <summary>Rows in every table that ingestion writes to, once the projector has caught up.</summary>
    public async Task<IngestionRowCounts> CountRowsAsync()
    {
        await _database.WaitForProjectionAsync();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM raw_events), (SELECT count(*) FROM units), (SELECT count(*) FROM arm_statistics), " +
            "(SELECT count(*) FROM ingestion_totals)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new IngestionRowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _database.DisposeAsync();
    }
}
