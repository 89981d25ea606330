namespace Lotte.LoadTest;

/// <summary>
/// Event batches through <c>POST …/events</c> against PostgreSQL's COPY of the very rows the API stored. The two
/// alternate in rounds (a share of the batches through the API, then their rows by COPY), so whatever else the
/// machine does meanwhile falls on both alike. The API acknowledges a batch once its raw events are stored; units and
/// statistics follow in the background projector. After each API round the run waits for the projector to catch up
/// (measured, and reported as a second comparison), and after each COPY round too (not measured: COPY's rows are
/// raw events as well), so that neither phase's measurement carries the other's projection.
/// </summary>
public sealed class IngestionComparison(LoadEnvironment environment, LoadTestOptions options, CpuMeter meter)
{
    public const string ApiKey = "load-api", WarmupKey = "load-warmup", CopyKey = "load-copy";
    private const int Seed = 20_261_125;

    public static IReadOnlyList<string> ExperimentKeys => [ApiKey, WarmupKey, CopyKey];

    public async Task<IReadOnlyList<Comparison>> RunAsync()
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
        await environment.Database.WaitForProjectionAsync(ProjectionTimeout);

        var apiRounds = new List<Measurement>();
        var projectedRounds = new List<Measurement>();
        var copyRounds = new List<Measurement>();
        foreach (var round in batchIds.Index().Chunk((int)Math.Ceiling(options.Batches / (double)options.IngestRounds)))
        {
            var roundBodies = round.Select(b => bodies[b.Index]).ToList();
            var (sent, apiCpu) = await meter.MeasureAsync(() => api.RunAsync(ApiKey, roundBodies, options.BatchSize, options.IngestClients));
            var events = (long)roundBodies.Count * options.BatchSize;
            apiRounds.Add(new Measurement(events, sent.Elapsed, sent.Latencies, apiCpu));
            var (caughtUp, projectionCpu) = await meter.MeasureAsync(async () =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await environment.Database.WaitForProjectionAsync(ProjectionTimeout);
                return clock.Elapsed;
            });
            projectedRounds.Add(new Measurement(events, sent.Elapsed + caughtUp, sent.Latencies, Add(apiCpu, projectionCpu)));

            var rows = await copy.ReadBatchesAsync(apiId, [.. round.Select(b => b.Item)]);
            var (copied, copyCpu) = await meter.MeasureAsync(() => copy.RunAsync(copyId, rows, options.IngestClients));
            copyRounds.Add(new Measurement(rows.Sum(b => b.Length), copied.Elapsed, copied.Latencies, copyCpu));
            await environment.Database.WaitForProjectionAsync(ProjectionTimeout);
        }

        var copyPhase = PhaseResult.Of($"the same rows via COPY ({options.IngestClients} connections, one COPY per batch)", "rows", copyRounds);
        return
        [
            new Comparison("ingestion events/s ÷ COPY rows/s",
                PhaseResult.Of($"events via POST /events ({options.IngestClients} clients, {options.BatchSize:N0} per batch)", "events", apiRounds),
                copyPhase, Goal: 0.5),
            new Comparison("ingested-and-projected events/s ÷ COPY rows/s",
                PhaseResult.Of("the same events until projected (round + projector catch-up)", "events", projectedRounds),
                copyPhase, Goal: 0.5),
        ];
    }

    private static readonly TimeSpan ProjectionTimeout = TimeSpan.FromMinutes(10);

    private static CpuUsage Add(CpuUsage a, CpuUsage b) => new(a.Client + b.Client, a.Server + b.Server, a.Postgres + b.Postgres,
        a.PostgresBackground + b.PostgresBackground, a.Machine + b.Machine);
}
