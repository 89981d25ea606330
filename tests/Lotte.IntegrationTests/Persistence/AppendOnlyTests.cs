using Lotte.Core.Auditing;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.IntegrationTests.Persistence;

public class AppendOnlyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("UPDATE audit_log SET actor_name = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    public async Task Rewrite_AuditLog_IsRefusedByTheDatabase(string sql)
    {
        await using var db = fixture.Database.CreateContext();
        db.AuditLog.Add(new AuditEntry { At = TestData.Now, ActorName = "lead@lotte.test", Action = "decision.approved" });
        await db.SaveChangesAsync(_ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql, _ct));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.True(await db.AuditLog.AnyAsync(a => a.ActorName == "lead@lotte.test", _ct));
    }

    [Theory]
    [InlineData("UPDATE raw_events SET value = 1")]
    [InlineData("DELETE FROM raw_events")]
    public async Task Rewrite_RawEvents_IsRefusedByTheDatabase(string sql)
    {
        await using var db = fixture.Database.CreateContext();
        var experiment = TestData.Experiment($"append-{Guid.NewGuid():N}");
        db.Experiments.Add(experiment);
        db.RawEvents.Add(new RawEvent
        {
            ExperimentId = experiment.Id,
            EventId = "evt-1",
            Type = EventType.Conversion,
            UnitPseudonym = TestData.Pseudonym(3),
            OccurredAt = TestData.Now,
            ReceivedAt = TestData.Now,
        });
        await db.SaveChangesAsync(_ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql, _ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.True(await db.RawEvents.AnyAsync(e => e.ExperimentId == experiment.Id && e.Value == null, _ct));
    }
}
