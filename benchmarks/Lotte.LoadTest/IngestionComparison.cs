namespace Lotte.LoadTest;

/// <summary>
/// Event batches through <c>POST …/events</c> against PostgreSQL's COPY of the very rows the API stored. The two
/// alternate in rounds (a share of the batches through the API, then their rows by COPY), so whatever else the
/// machine does meanwhile falls on both alike.
/// </summary>
public sealed class IngestionComparison(LoadEnvironment environment, LoadTestOptions options, CpuMeter meter)
{
    public const string ApiKey = "load-api", WarmupKey = "load-warmup", CopyKey = "load-copy";
    private const int Seed = 20_261_125;

    public static IReadOnlyList<string> ExperimentKeys => [ApiKey, WarmupKey, CopyKey];

    public async Task<Comparison> RunAsync()
    {
        // Bodies are serialised before any clock starts.
        var generator = new EventBatchGenerator(DateTimeOffset.UtcNow, Seed);
        var warmupIds = Enumerable.Range(0, options.WarmupBatches).Select(i => $"w{i}").ToArray();
        var batchIds = Enumerable.Range(0, options.Batches).Select(i => $"b{i}").ToArray();
        var warmup = warmupIds.Select(id => generator.Create(id, options.BatchSize)).ToList();
        var bodies = batchIds.Select(id => generator.Create(id, options.BatchSize)).ToList();

        using var client = LoadClient.Create(environment.Dashboard.BaseAddress, options.IngestClients);
        var api = new IngestionLoad(client, environment.Token);
        var copy = new CopyLoad(environment.Database.ConnectionString);
        var apiId = await environment.ExperimentIdAsync(ApiKey);
        var copyId = await environment.ExperimentIdAsync(CopyKey);
        await api.RunAsync(WarmupKey, warmup, options.BatchSize, options.IngestClients);
        await copy.RunAsync(copyId, await copy.ReadBatchesAsync(await environment.ExperimentIdAsync(WarmupKey), warmupIds), options.IngestClients);

        var apiRounds = new List<Measurement>();
        var copyRounds = new List<Measurement>();
        foreach (var round in batchIds.Index().Chunk((int)Math.Ceiling(options.Batches / (double)options.IngestRounds)))
        {
            var roundBodies = round.Select(b => bodies[b.Index]).ToList();
            var (sent, apiCpu) = await meter.MeasureAsync(() => api.RunAsync(ApiKey, roundBodies, options.BatchSize, options.IngestClients));
            apiRounds.Add(new Measurement((long)roundBodies.Count * options.BatchSize, sent.Elapsed, sent.Latencies, apiCpu));

            var rows = await copy.ReadBatchesAsync(apiId, [.. round.Select(b => b.Item)]);
            var (copied, copyCpu) = await meter.MeasureAsync(() => copy.RunAsync(copyId, rows, options.IngestClients));
            copyRounds.Add(new Measurement(rows.Sum(b => b.Length), copied.Elapsed, copied.Latencies, copyCpu));
        }

        return new Comparison("ingestion events/s ÷ COPY rows/s",
            PhaseResult.Of($"events via POST /events ({options.IngestClients} clients, {options.BatchSize:N0} per batch)", "events", apiRounds),
            PhaseResult.Of($"the same rows via COPY ({options.IngestClients} connections, one COPY per batch)", "rows", copyRounds),
            Goal: 0.5);
    }
}
