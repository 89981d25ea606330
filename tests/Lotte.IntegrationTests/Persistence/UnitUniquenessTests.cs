using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.IntegrationTests.Persistence;

public class UnitUniquenessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Insert_SameUnitTwiceInOneExperiment_IsRejectedByTheDatabase()
    {
        var experiment = await AddExperimentAsync("unique-units");
        await using (var db = fixture.Database.CreateContext())
        {
            db.Units.Add(Unit(experiment, Arm.Staging));
            await db.SaveChangesAsync(_ct);
        }

        await using var again = fixture.Database.CreateContext();
        again.Units.Add(Unit(experiment, Arm.Production));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(_ct));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
        await using var reader = fixture.Database.CreateContext();
        Assert.Equal(Arm.Staging, (await reader.Units.SingleAsync(u => u.ExperimentId == experiment, _ct)).Arm);
    }

    [Fact]
    public async Task Insert_SameUnitInTwoExperiments_IsAllowed()
    {
        var first = await AddExperimentAsync("units-a");
        var second = await AddExperimentAsync("units-b");

        await using var db = fixture.Database.CreateContext();
        db.Units.AddRange(Unit(first, Arm.Staging), Unit(second, Arm.Production));
        await db.SaveChangesAsync(_ct);

        Assert.Equal(2, await db.Units.CountAsync(u => u.ExperimentId == first || u.ExperimentId == second, _ct));
    }

    [Fact]
    public async Task Insert_SameEventIdTwiceInOneExperiment_IsRejectedByTheDatabase()
    {
        var experiment = await AddExperimentAsync("unique-events");
        await using (var db = fixture.Database.CreateContext())
        {
            db.RawEvents.Add(Event(experiment, "evt-1"));
            await db.SaveChangesAsync(_ct);
        }

        await using var again = fixture.Database.CreateContext();
        again.RawEvents.Add(Event(experiment, "evt-1"));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(_ct));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    private static ExperimentUnit Unit(Guid experimentId, Arm arm) =>
        new() { ExperimentId = experimentId, UnitPseudonym = TestData.Pseudonym(7), Arm = arm, FirstExposureAt = TestData.Now };

    private static RawEvent Event(Guid experimentId, string eventId) => new()
    {
        ExperimentId = experimentId,
        EventId = eventId,
        Type = EventType.Exposure,
        UnitPseudonym = TestData.Pseudonym(9),
        Arm = Arm.Production,
        OccurredAt = TestData.Now,
        ReceivedAt = TestData.Now,
    };

    private async Task<Guid> AddExperimentAsync(string key)
    {
        await using var db = fixture.Database.CreateContext();
        var experiment = TestData.Experiment(key);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        return experiment.Id;
    }
}
