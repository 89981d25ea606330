using Lotte.Core.Auditing;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Statistics;
using Npgsql;
using NpgsqlTypes;

namespace Lotte.Testing;

/// <summary>
/// A long-running experiment as the dashboard meets it after months of traffic: one statistics bucket per
/// minute and arm, one persisted look per minute (the evaluator's default look interval while data flows), and
/// the ingestion totals. Rows are written with binary COPY, so 90 days seed in seconds. Deterministic
/// (fixed random seed); the last bucket ends at the current minute.
/// </summary>
public static class LargeExperimentSeeder
{
    public const string Key = "undervaluation-long-run";
    private const string ModelName = "undervaluation-score";

    // 90 / 10 split; Staging converts a little better than Production, not yet enough to decide.
    private const double ProductionConversion = 0.050;
    private const double StagingConversion = 0.051;
    private const double ProductionErrors = 0.004;
    private const double StagingErrors = 0.005;
    private const int RequestsPerUnit = 3;

    public static async Task<Experiment> SeedAsync(TestDatabase database, int days = 90, long productionUnits = 900_000,
        long stagingUnits = 100_000)
    {
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var start = end.AddDays(-days);
        var minutes = (int)(end - start).TotalMinutes;
        var random = new Random(20261125);
        var production = Arm(random, productionUnits, minutes, ProductionConversion, ProductionErrors);
        var staging = Arm(random, stagingUnits, minutes, StagingConversion, StagingErrors);
        var experiment = await SeedRowsAsync(database, start, end, EventsAccepted(production) + EventsAccepted(staging));

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await CopyBucketsAsync(connection, experiment.Id, start, production, staging);
        await CopyLooksAsync(connection, experiment, start, production, staging);
        await VacuumAsync(connection);
        return experiment;
    }

    /// <summary>
    /// As autovacuum leaves a settled table: statistics for the planner, and a visibility map covering every page so
    /// index-only scans need no heap fetches. VACUUM cannot mark pages all-visible while some transaction might not
    /// yet see the new rows, so it is repeated (a bounded number of times) until the map covers both large tables.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlConnection connection)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ExecuteAsync(connection, "VACUUM ANALYZE arm_statistics, decision_evaluations, ingestion_totals, experiments, audit_log, model_versions");
            await using var check = new NpgsqlCommand(
                "SELECT bool_and(relallvisible >= relpages) FROM pg_class WHERE relname IN ('arm_statistics', 'decision_evaluations')", connection);
            if (await check.ExecuteScalarAsync() is true)
            {
                return;
            }

            if (attempt == 30)
            {
                throw new InvalidOperationException("VACUUM did not mark the seeded tables all-visible: a long transaction holds back the horizon.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<Experiment> SeedRowsAsync(TestDatabase database, DateTimeOffset start, DateTimeOffset end, long events)
    {
        await using var db = database.CreateContext();
        var experiment = new Experiment(Key, "Undervaluation score v7 vs v6", ModelName, "6", "7", "seed", start.AddHours(-1))
        {
            Description = "A 90-day run at full traffic.",
        };
        experiment.Start(start);
        db.RegisteredModels.Add(new RegisteredModel
        {
            Name = ModelName,
            CreatedAt = start.AddDays(-30),
            Versions =
            [
                new ModelVersion { ModelName = ModelName, Version = "6", Stage = ModelStage.Production, Mae = 39.8, Rmse = 61.0, CreatedAt = start.AddDays(-30) },
                new ModelVersion { ModelName = ModelName, Version = "7", Stage = ModelStage.Staging, Mae = 38.1, Rmse = 59.4, CreatedAt = start.AddDays(-2) },
            ],
        });
        db.Experiments.Add(experiment);
        db.IngestionTotals.Add(new IngestionTotals
        {
            ExperimentId = experiment.Id, EventsAccepted = events, EventsDuplicate = 1_200, UnattributedConversions = 37, UnitsInBothArms = 12,
            LastEventAt = end.AddSeconds(-5),
        });
        db.AuditLog.AddRange(
            new AuditEntry { At = start.AddHours(-1), ActorName = "seed", Action = "experiment.created", ExperimentId = experiment.Id, Subject = Key },
            new AuditEntry { At = start, ActorName = "seed", Action = "experiment.started", ExperimentId = experiment.Id, Subject = Key },
            new AuditEntry { At = end.AddDays(-30), ActorName = "seed", Action = "experiment.note", ExperimentId = experiment.Id, Subject = Key });
        await db.SaveChangesAsync();
        return experiment;
    }

    /// <summary>One arm's buckets: units spread over the day (busier in the evening, quiet at night), exact total.</summary>
    private static Bucket[] Arm(Random random, long units, int minutes, double conversion, double errorRate)
    {
        var weights = new double[minutes];
        for (var m = 0; m < minutes; m++)
        {
            weights[m] = (1.2 + Math.Sin(2 * Math.PI * ((m % 1440) - 720) / 1440.0)) * (0.7 + 0.6 * random.NextDouble());
        }

        var total = weights.Sum();
        var buckets = new Bucket[minutes];
        double cumulative = 0;
        long assigned = 0;
        for (var m = 0; m < minutes; m++)
        {
            cumulative += weights[m];
            var exposed = (long)Math.Round(units * cumulative / total) - assigned;
            assigned += exposed;
            var converted = Binomial(random, exposed, conversion);
            var requests = exposed * RequestsPerUnit + random.Next(3);
            decimal valueSum = 0;
            double squares = 0;
            for (var c = 0; c < converted; c++)
            {
                // Contract values around 300 million won, whole won.
                var value = Math.Round(200_000_000 + 200_000_000 * random.NextDouble());
                valueSum += (decimal)value;
                squares += value * value;
            }

            buckets[m] = new Bucket(exposed, converted, requests, Binomial(random, requests, errorRate), valueSum, squares);
        }

        return buckets;
    }

    private static long Binomial(Random random, long trials, double p)
    {
        long successes = 0;
        for (var i = 0; i < trials; i++)
        {
            successes += random.NextDouble() < p ? 1 : 0;
        }

        return successes;
    }

    private static async Task CopyBucketsAsync(NpgsqlConnection connection, Guid experimentId, DateTimeOffset start, Bucket[] production, Bucket[] staging)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY arm_statistics (experiment_id, arm, bucket_start, exposed_units, converted_units, requests, errors, value_sum, value_sum_of_squares)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (arm, buckets) in new[] { ("Production", production), ("Staging", staging) })
        {
            for (var m = 0; m < buckets.Length; m++)
            {
                var b = buckets[m];
                await writer.StartRowAsync();
                await writer.WriteAsync(experimentId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(arm, NpgsqlDbType.Varchar);
                await writer.WriteAsync(start.AddMinutes(m), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(b.Exposed, NpgsqlDbType.Bigint);
                await writer.WriteAsync(b.Converted, NpgsqlDbType.Bigint);
                await writer.WriteAsync(b.Requests, NpgsqlDbType.Bigint);
                await writer.WriteAsync(b.Errors, NpgsqlDbType.Bigint);
                await writer.WriteAsync(b.ValueSum, NpgsqlDbType.Numeric);
                await writer.WriteAsync(b.ValueSumOfSquares, NpgsqlDbType.Double);
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>A look after every minute of data, each the engine's real result on the cumulative numbers so far.</summary>
    private static async Task CopyLooksAsync(NpgsqlConnection connection, Experiment experiment, DateTimeOffset start, Bucket[] production,
        Bucket[] staging)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY decision_evaluations (experiment_id, evaluated_at, policy_kind, decision, policy_p_value, naive_p_value, inputs_json, result_json)
            FROM STDIN (FORMAT BINARY)
            """);
        var state = SequentialState.Initial;
        Bucket p = default, s = default;
        for (var m = 0; m < production.Length; m++)
        {
            p += production[m];
            s += staging[m];
            var result = DecisionEngine.Evaluate(new ExperimentSnapshot(p.Snapshot, s.Snapshot, experiment.StagingShare), experiment.Policy, state);
            state = result.SequentialState;
            var row = EvaluationStore.ToRow(experiment.Id, result, start.AddMinutes(m + 1).AddSeconds(3));
            await writer.StartRowAsync();
            await writer.WriteAsync(row.ExperimentId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(row.EvaluatedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(row.PolicyKind, NpgsqlDbType.Varchar);
            await writer.WriteAsync(row.Decision, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, row.PolicyPValue);
            await WriteNullableAsync(writer, row.NaivePValue);
            await writer.WriteAsync(row.InputsJson, NpgsqlDbType.Jsonb);
            await writer.WriteAsync(row.ResultJson, NpgsqlDbType.Jsonb);
        }

        await writer.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, double? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Double);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static long EventsAccepted(Bucket[] buckets) => buckets.Sum(b => b.Exposed + b.Converted + b.Errors);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private readonly record struct Bucket(long Exposed, long Converted, long Requests, long Errors, decimal ValueSum, double ValueSumOfSquares)
    {
        public ArmSnapshot Snapshot => new(Exposed, Converted, Requests, Errors, (double)ValueSum, ValueSumOfSquares);

        public static Bucket operator +(Bucket a, Bucket b) => new(a.Exposed + b.Exposed, a.Converted + b.Converted, a.Requests + b.Requests,
            a.Errors + b.Errors, a.ValueSum + b.ValueSum, a.ValueSumOfSquares + b.ValueSumOfSquares);
    }
}
