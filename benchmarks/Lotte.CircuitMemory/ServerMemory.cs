using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace Lotte.CircuitMemory;

/// <summary>
/// Reads the dashboard process's memory: VmRSS from /proc, the live GC heap (after the last collection, less its
/// fragmentation) and the circuit counts from its Prometheus endpoint. Can induce a full blocking GC through the
/// runtime's diagnostics IPC (the GCHeapCollect keyword, as dotnet-gcdump does), so that what is measured is live
/// memory, not garbage.
/// </summary>
public sealed class ServerMemory(int processId, HttpClient dashboard)
{
    private const long GcHeapCollectKeyword = 0x800000;

    public async Task<MemorySample> SampleAsync()
    {
        var metrics = await dashboard.GetStringAsync(new Uri("metrics", UriKind.Relative));
        return new MemorySample(
            ResidentBytes(),
            // The heap after the last GC counts its free gaps too: those are not live objects.
            (long)(Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes") - Sum(metrics, "dotnet_gc_last_collection_heap_fragmentation_size_bytes")),
            (long)Sum(metrics, "aspnetcore_components_circuit_active"),
            (long)Sum(metrics, "aspnetcore_components_circuit_connected"),
            (long)Sum(metrics, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\""));
    }

    /// <summary>Forces a full compacting GC, then takes <paramref name="samples"/> samples a second apart and keeps the median.</summary>
    public async Task<MemorySample> SettledAsync(int samples = 3)
    {
        await ForceFullGcAsync();
        var taken = new List<MemorySample>();
        for (var i = 0; i < samples; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            taken.Add(await SampleAsync());
        }

        return MemorySample.Median(taken);
    }

    public async Task ForceFullGcAsync()
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        var drain = session.EventStream.CopyToAsync(Stream.Null);

        // Enabling the keyword starts the GC; two seconds cover it with a full heap of a few hundred MB.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await session.StopAsync(CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib * 1024;
    }

    /// <summary>Sum of a metric's samples (over all label sets, or those containing <paramref name="label"/>) in Prometheus text.</summary>
    private static double Sum(string metrics, string name, string? label = null) => metrics.Split('\n')
        .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is '{' or ' '))
        .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
        .Sum(Value);

    /// <summary>"name{labels} value [timestamp]" or "name value [timestamp]": the value.</summary>
    private static double Value(string line)
    {
        var brace = line.LastIndexOf('}');
        var rest = line[(brace >= 0 ? brace + 1 : line.IndexOf(' ', StringComparison.Ordinal))..];
        return double.Parse(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }
}
