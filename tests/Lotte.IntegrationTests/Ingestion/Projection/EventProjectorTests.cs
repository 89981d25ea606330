using Lotte.Core.Experiments;
using Lotte.Core.Ingestion.Projection;
using Lotte.Core.Persistence;
using Lotte.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lotte.IntegrationTests.Ingestion.Projection;

/// <summary>The projector on the real PostgreSQL: every committed raw event is projected once, whatever the commit order or failures.</summary>
public class EventProjectorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string ProjectorApplication = "lotte-projector-under-test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Project_ConcurrentBatchesCommittingOutOfOrderWithTwoProjectors_CountsEveryEventExactlyOnce()
    {
        var experiment = await AddExperimentAsync("projection-concurrent");
        const int writers = 6, batchesPerWriter = 8, units = 150;
        using var writing = new CancellationTokenSource();

        var projectors = new[] { Projector(), Projector() }.Select(p => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                if (await p.ProjectNextAsync(_ct) == 0)
                {
                    await Task.Delay(5, _ct);
                }
            }
        }, _ct)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < batchesPerWriter; b++)
            {
                await using var connection = await OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync(_ct);
                await RawEventSql.InsertBatchAsync(connection, transaction, experiment.Id, $"w{w}b{b}", units);
                // Hold the ids taken while others take and commit later ones: commits land out of id order.
                await using (var pause = new NpgsqlCommand($"SELECT pg_sleep({(w + b) % 4 * 0.02})", connection, transaction))
                {
                    await pause.ExecuteNonQueryAsync(_ct);
                }

                await transaction.CommitAsync(_ct);
            }
        }, _ct)));
        await writing.CancelAsync();
        await Task.WhenAll(projectors);
        await ProjectUntilCaughtUpAsync(Projector());

        Assert.Equal(ProjectedCounts.ForBatches(writers * batchesPerWriter, units),
            await ProjectedCounts.ReadAsync(fixture.Database.ConnectionString, experiment.Id));
    }

    [Fact]
    public async Task Project_ProjectorConnectionKilledMidTransaction_NextProjectorResumesWithoutDoubleCounting()
    {
        var experiment = await AddExperimentAsync("projection-killed");
        await using (var connection = await OpenAsync())
        {
            for (var b = 0; b < 3; b++)
            {
                await RawEventSql.InsertBatchAsync(connection, null, experiment.Id, $"k{b}", 200);
            }
        }

        await using var db = fixture.Database.CreateContext();
        db.IngestionTotals.Add(new Core.Ingestion.IngestionTotals { ExperimentId = experiment.Id });
        await db.SaveChangesAsync(_ct);
        // The totals row is the projector's last write: blocked there, it has written units and statistics uncommitted.
        await using var blocker = await OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync(_ct);
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM ingestion_totals WHERE experiment_id = $1 FOR UPDATE", blocker, blocking))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = experiment.Id });
            await hold.ExecuteNonQueryAsync(_ct);
        }

        var killed = Projector(ProjectorApplication).ProjectNextAsync(_ct);
        await TerminateWhenBlockedAsync(ProjectorApplication);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => killed);
        await blocking.RollbackAsync(_ct);
        await ProjectUntilCaughtUpAsync(Projector());

        Assert.Equal(ProjectedCounts.ForBatches(3, 200), await ProjectedCounts.ReadAsync(fixture.Database.ConnectionString, experiment.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Project_TransactionCommittingAfterALaterOne_IsProjectedOnceItCommits(bool openTransactionTakesItsIdsFirst)
    {
        var experiment = await AddExperimentAsync($"projection-gap-{openTransactionTakesItsIdsFirst}");
        await using var slow = await OpenAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync(_ct);
        if (openTransactionTakesItsIdsFirst)
        {
            await RawEventSql.InsertBatchAsync(slow, slowTransaction, experiment.Id, "slow", 50); // lower ids, commits last
        }
        else
        {
            await using var takeTransactionId = new NpgsqlCommand("SELECT pg_current_xact_id()", slow, slowTransaction);
            await takeTransactionId.ExecuteScalarAsync(_ct); // the older transaction, which will take higher ids
        }

        await using (var fast = await OpenAsync())
        {
            await RawEventSql.InsertBatchAsync(fast, null, experiment.Id, "fast", 50);
        }

        var projector = Projector();
        while (await projector.ProjectNextAsync(_ct) > 0)
        {
        }

        var beforeSlowCommits = await ProjectedCounts.ReadAsync(fixture.Database.ConnectionString, experiment.Id);
        if (!openTransactionTakesItsIdsFirst)
        {
            await RawEventSql.InsertBatchAsync(slow, slowTransaction, experiment.Id, "slow", 50);
        }

        await slowTransaction.CommitAsync(_ct);
        await ProjectUntilCaughtUpAsync(projector);

        Assert.Equal(0, beforeSlowCommits.EventsAccepted); // held back while an older transaction could still commit rows
        Assert.Equal(ProjectedCounts.ForBatches(2, 50), await ProjectedCounts.ReadAsync(fixture.Database.ConnectionString, experiment.Id));
    }

    private EventProjector Projector(string? applicationName = null)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        return new EventProjector(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), new ProjectionSignal(),
            TimeProvider.System, NullLogger<EventProjector>.Instance);
    }

    /// <summary>Projects until no committed raw event is left; other databases' transactions on the cluster may hold rows back a moment.</summary>
    private async Task ProjectUntilCaughtUpAsync(EventProjector projector)
    {
        await using var connection = await OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await ProjectionProgress.IsCaughtUpAsync(connection, _ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "The projector did not catch up in 30 s.");
            if (await projector.ProjectNextAsync(_ct) == 0)
            {
                await Task.Delay(20, _ct);
            }
        }
    }

    private async Task TerminateWhenBlockedAsync(string applicationName)
    {
        await using var connection = await OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var terminate = new NpgsqlCommand("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = $1 AND wait_event_type = 'Lock'
                """, connection);
            terminate.Parameters.Add(new NpgsqlParameter { Value = applicationName });
            if (await terminate.ExecuteScalarAsync(_ct) is true)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The projector never reached the held lock.");
            await Task.Delay(20, _ct);
        }
    }

    private async Task<Experiment> AddExperimentAsync(string key)
    {
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", now);
        experiment.Start(now);
        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        return experiment;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(_ct);
        return connection;
    }
}
