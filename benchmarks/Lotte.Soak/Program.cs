using System.Diagnostics;
using System.Globalization;
using Lotte.CircuitMemory;
using Lotte.EndToEnd;
using Lotte.Testing;

// Soak: steady ingestion through the events API plus N live viewers (Chromium pages on one experiment page) for M
// minutes. Reports the dashboard's resident memory (RSS) at the start, every sample interval and at the end, its
// error-level log lines, and whether the projected totals equal what the client had acknowledged.
//   scripts/soak.sh [MINUTES] [VIEWERS] [BATCH_INTERVAL_MS]        (builds Release, then runs this)
// Every wait is bounded; the database, the dashboard and the browser are disposed at the end. Exit code 0 when the
// totals are exact, every viewer still updates live and no error was logged.
var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var viewerCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var duration = TimeSpan.FromMinutes(minutes);
var sampleEvery = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 10, 10, 60));
const int UnitsPerBatch = 20;
var batchInterval = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500);

var clock = Stopwatch.StartNew();
void Log(string text) => Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {text}");

await using var database = await TestDatabase.CreateAsync();
var experiment = await TestExperiments.AddRunningAsync(database.ConnectionString, "soak");
var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
await using var app = await DashboardProcess.StartAsync(database.ConnectionString);
using var http = app.CreateClient();
var memory = new ServerMemory(app.ProcessId, http);
Log($"Dashboard {RepositoryRoot.BuildConfiguration} build started, pid {app.ProcessId}; {minutes} min, {viewerCount} viewers, " +
    $"{UnitsPerBatch + 1} events every {batchInterval.TotalMilliseconds:F0} ms");

var sender = new RetryingEventSender(app.BaseAddress, token, giveUpAfter: TimeSpan.FromMinutes(2));
var load = new SteadyIngestion(sender, experiment.Key, "soak", UnitsPerBatch, batchInterval);
var samples = new List<(TimeSpan At, MemorySample Sample)>();
var viewersUpdated = 0;
var (playwright, browser) = await Chromium.LaunchAsync();
using (playwright)
await using (browser)
{
    load.Start();
    var viewers = new Viewers(browser, new Uri(app.BaseAddress, $"experiments/{experiment.Key}"), account: "viewer");
    var opening = Stopwatch.StartNew();
    for (var i = 0; i < viewerCount; i++)
    {
        await viewers.OpenAsync();
        if ((i + 1) % 10 == 0)
        {
            Log($"  {i + 1} viewers open");
        }
    }

    Log($"{viewerCount} viewers open (five charts drawn each) in {opening.Elapsed.TotalSeconds:F0} s; soaking for {minutes} min");
    var soak = Stopwatch.StartNew();
    while (true)
    {
        var sample = await memory.SampleAsync();
        samples.Add((soak.Elapsed, sample));
        Log($"  {soak.Elapsed.TotalMinutes,5:F1} min: {sample}; {load.BatchesSent} batches, {sender.Acknowledged.Count} events acknowledged");
        if (soak.Elapsed >= duration)
        {
            break;
        }

        await Task.Delay(Min(sampleEvery, duration - soak.Elapsed + TimeSpan.FromMilliseconds(100)));
    }

    // Still live at the end: every viewer's chart must move once more.
    var before = await viewers.ChartUpdatesAsync();
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < TimeSpan.FromSeconds(60))
    {
        var now = await viewers.ChartUpdatesAsync();
        viewersUpdated = now.Zip(before, (after, earlier) => after > earlier).Count(changed => changed);
        if (viewersUpdated == viewerCount)
        {
            break;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    await load.StopAsync();
    await viewers.CloseAllAsync(graceful: viewerCount);
}

await database.WaitForProjectionAsync(TimeSpan.FromMinutes(2));
var expected = load.Expected();
var counted = await SteadyIngestion.CountedAsync(database.ConnectionString, experiment.Id);
var stored = await SteadyIngestion.StoredAsync(database.ConnectionString, experiment.Id);
var exact = expected.Count == counted.Count && expected.All(e => counted[e.Key] == e.Value) && stored == sender.Acknowledged.Count
    && sender.Acknowledged.Count == load.EventsSent;
var errors = app.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();

Console.WriteLine();
Console.WriteLine($"RSS at start {MemorySample.Mb(samples[0].Sample.ResidentBytes)}, at end {MemorySample.Mb(samples[^1].Sample.ResidentBytes)}, " +
    $"max {MemorySample.Mb(samples.Max(s => s.Sample.ResidentBytes))}");
Console.WriteLine($"Samples (min: RSS): {string.Join(", ", samples.Select(s => $"{s.At.TotalMinutes:F1}: {MemorySample.Mb(s.Sample.ResidentBytes)}"))}");
Console.WriteLine($"Events: {load.EventsSent} sent in {load.BatchesSent} batches, {sender.Acknowledged.Count} acknowledged, {stored} stored, " +
    $"{sender.UnavailableAnswers} answers 503, {sender.ConnectionFailures} connection failures");
Console.WriteLine($"Totals {(exact ? "exact" : "NOT EXACT")}: counted {Describe(counted)}; expected {Describe(expected)}");
Console.WriteLine($"Viewers still updating live at the end: {viewersUpdated} of {viewerCount}");
Console.WriteLine($"Server log: {errors.Count} error-level lines (fail/crit), {app.Output.Count(l => l.StartsWith("warn:", StringComparison.Ordinal))} warnings");
foreach (var line in errors.Take(10))
{
    Console.WriteLine("    " + line);
}

return exact && errors.Count == 0 && viewersUpdated == viewerCount ? 0 : 1;

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

static string Describe(Dictionary<Lotte.Core.Assignment.Arm, (long ExposedUnits, long Requests, long Errors)> counts) =>
    string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value.ExposedUnits} units, {c.Value.Requests} requests, {c.Value.Errors} errors"));
