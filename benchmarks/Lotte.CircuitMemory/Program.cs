using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Lotte.CircuitMemory;
using Lotte.Core.ApiKeys;
using Lotte.EndToEnd;
using Lotte.Testing;

// Memory per open circuit. Build the dashboard in Release first, then:
//   dotnet build src/Dashboard -c Release
//   dotnet run -c Release --project benchmarks/Lotte.CircuitMemory [-- VIEWERS [RELEASE_WAIT_SECONDS]]
// Every wait below is bounded; the database, the dashboard and the browser are disposed at the end.
var viewerCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var releaseWait = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 240);
const int TrafficBatches = 10;
const int UnitsPerBatch = 50;

var clock = Stopwatch.StartNew();
void Log(string text) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {text}");

await using var database = await TestDatabase.CreateAsync();
await LargeExperimentSeeder.SeedAsync(database);
Log($"Seeded {LargeExperimentSeeder.Key}: 90 days of per-minute buckets and looks, 1 000 000 exposed units");
var apiKey = await new ApiKeyService(database.CreateContextFactory(), TimeProvider.System)
    .CreateAsync("circuit-memory", ApiKeyScopes.Ingest, "benchmark");

await using var app = await DashboardProcess.StartAsync(database.ConnectionString);
using var http = app.CreateClient();
using var api = app.CreateClient();
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Token);
var memory = new ServerMemory(app.ProcessId, http);
var traffic = new EventTraffic(api, LargeExperimentSeeder.Key);
var pageUrl = new Uri(app.BaseAddress, $"experiments/{LargeExperimentSeeder.Key}");
Log($"Dashboard {RepositoryRoot.BuildConfiguration} build started, pid {app.ProcessId}");

var (playwright, browser) = await Chromium.LaunchAsync();
using (playwright)
await using (browser)
{
    // Warm-up: one viewer watches some traffic and leaves, so JIT, caches, pools and the shared detail are in place
    // for every measurement below.
    var viewers = new Viewers(browser, pageUrl);
    await viewers.OpenAsync();
    await SendTrafficAsync(batches: 2, firstBatch: 1_000);
    await viewers.CloseAllAsync(graceful: 1);
    await WaitForCircuitsAsync(0, TimeSpan.FromMinutes(4));
    var idle = await memory.SettledAsync();
    Log($"0 viewers (after a forced full GC): {idle}");

    var opening = Stopwatch.StartNew();
    for (var i = 0; i < viewerCount; i++)
    {
        await viewers.OpenAsync();
    }

    Log($"{viewerCount} viewers open, each with its five charts drawn, in {opening.Elapsed.TotalSeconds:F0} s");
    var open = await memory.SettledAsync();
    Log($"{viewerCount} viewers (after a forced full GC): {open}");
    LogPerViewer("Per open circuit", open, idle);

    // Live traffic while they watch: every change reloads the shared detail once and re-renders every circuit.
    var updatesBefore = await viewers.ChartUpdatesAsync();
    await SendTrafficAsync(TrafficBatches, firstBatch: 0);
    var updated = await ViewersUpdatedAsync(viewers, updatesBefore, TimeSpan.FromSeconds(60));
    Log($"{TrafficBatches} event batches of {UnitsPerBatch} units sent 3 s apart; {updated} of {viewerCount} viewers' charts updated live");
    var live = await memory.SettledAsync();
    Log($"{viewerCount} viewers after live updates (after a forced full GC): {live}");
    LogPerViewer("Per open circuit", live, idle);

    var graceful = viewerCount / 2;
    await viewers.CloseAllAsync(graceful);
    Log($"Closed: {graceful} tabs closed (disconnect beacon), {viewerCount - graceful} connections dropped");
    var release = Stopwatch.StartNew();
    while (release.Elapsed < releaseWait)
    {
        var sample = await memory.SettledAsync(samples: 1);
        Log($"  {release.Elapsed.TotalSeconds,4:F0} s after closing: {sample}");
        if (sample.ActiveCircuits == 0)
        {
            break;
        }

        await Task.Delay(TimeSpan.FromSeconds(15));
    }

    var closed = await memory.SettledAsync();
    Log($"After closing (after a forced full GC): {closed}");
    LogPerViewer("Left per former viewer", closed, idle);
}

using (var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative)))
{
    Log($"health/ready: {(int)ready.StatusCode}");
}

var errors = app.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
Log($"Server log: {errors.Count} error lines, {app.Output.Count(l => l.StartsWith("warn:", StringComparison.Ordinal))} warnings");
foreach (var line in errors.Take(10))
{
    Console.WriteLine("    " + line);
}

return errors.Count == 0 ? 0 : 1;

void LogPerViewer(string what, MemorySample with, MemorySample without) =>
    Log($"{what}: RSS {MemorySample.Mb((with.ResidentBytes - without.ResidentBytes) / (double)viewerCount)}, " +
        $"live GC heap {MemorySample.Mb((with.GcHeapBytes - without.GcHeapBytes) / (double)viewerCount)}");

async Task SendTrafficAsync(int batches, int firstBatch)
{
    for (var batch = firstBatch; batch < firstBatch + batches; batch++)
    {
        await traffic.SendAsync(batch, UnitsPerBatch);
        await Task.Delay(TimeSpan.FromSeconds(3));
    }
}

async Task WaitForCircuitsAsync(long atMost, TimeSpan timeout)
{
    var waited = Stopwatch.StartNew();
    while ((await memory.SampleAsync()).ActiveCircuits > atMost && waited.Elapsed < timeout)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
    }
}

static async Task<int> ViewersUpdatedAsync(Viewers viewers, int[] before, TimeSpan timeout)
{
    var waited = Stopwatch.StartNew();
    while (true)
    {
        var now = await viewers.ChartUpdatesAsync();
        var updated = now.Zip(before, (after, earlier) => after > earlier).Count(changed => changed);
        if (updated == before.Length || waited.Elapsed > timeout)
        {
            return updated;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
