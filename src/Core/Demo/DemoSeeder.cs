using Lotte.Core.Auditing;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lotte.Core.Demo;

/// <summary>
/// Seeds the demo: the "undervaluation-score" model with three versions in the built-in registry and
/// two running experiments against its Production version. Idempotent: an existing key is left alone.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<LotteDbContext> contexts, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string ModelName = "undervaluation-score";
    public const string BetterStagingKey = "undervaluation-v4";
    public const string FailingStagingKey = "undervaluation-v5";
    private const string Seeder = "demo";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!await db.RegisteredModels.AnyAsync(m => m.Name == ModelName, cancellationToken))
        {
            db.RegisteredModels.Add(DemoModel(now));
        }

        var existing = await db.Experiments.Select(e => e.Key).ToListAsync(cancellationToken);
        foreach (var experiment in DemoExperiments(now).Where(e => !existing.Contains(e.Key)))
        {
            db.Experiments.Add(experiment);
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                ActorName = Seeder,
                Action = "experiment.created",
                ExperimentId = experiment.Id,
                Subject = experiment.Key,
            });
        }

        var added = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data seeded ({Rows} rows written)", added);
    }

    private static RegisteredModel DemoModel(DateTimeOffset now) => new()
    {
        Name = ModelName,
        Description = "Scores how far a listing's asking price is below its estimated value.",
        CreatedAt = now.AddDays(-120),
        Versions =
        [
            Version("3", ModelStage.Production, ["champion"], mae: 41.2, rmse: 63.5, now.AddDays(-90)),
            Version("4", ModelStage.Staging, ["challenger"], mae: 38.9, rmse: 60.1, now.AddDays(-14)),
            Version("5", ModelStage.Staging, [], mae: 36.4, rmse: 58.7, now.AddDays(-3)),
        ],
    };

    private static ModelVersion Version(string version, ModelStage stage, List<string> aliases, double mae, double rmse,
        DateTimeOffset createdAt) => new()
    {
        ModelName = ModelName,
        Version = version,
        Stage = stage,
        Aliases = aliases,
        Source = $"models:/{ModelName}/{version}",
        Mae = mae,
        Rmse = rmse,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    private static IEnumerable<Experiment> DemoExperiments(DateTimeOffset now)
    {
        var better = new Experiment(BetterStagingKey, "Undervaluation score v4 vs v3", ModelName, "3", "4", Seeder, now.AddDays(-6))
        {
            Description = "v4 adds school-district features. Offline MAE improved 5.6%.",
        };
        better.Start(now.AddDays(-6));
        yield return better;

        var failing = new Experiment(FailingStagingKey, "Undervaluation score v5 vs v3", ModelName, "3", "5", Seeder, now.AddDays(-2))
        {
            Description = "v5 uses a new feature store; its serving path is new.",

            // Its scores drift when its serving path breaks; judged from 200 scores so that the drift shows before the
            // error guard rolls it back (at 10 % of the demo's traffic that is about two minutes of Staging scores).
            Policy = Decisions.DecisionPolicy.Default with { Drift = Decisions.DriftPolicy.Default with { MinScoresPerSide = 200 } },
        };
        failing.Start(now.AddDays(-2));
        yield return failing;
    }
}
