namespace Lotte.CircuitMemory;

/// <summary>The dashboard process at one moment: its resident memory, its live GC heap and its Blazor circuits.</summary>
public sealed record MemorySample(long ResidentBytes, long GcHeapBytes, long ActiveCircuits, long ConnectedCircuits, long FullCollections)
{
    public static MemorySample Median(IReadOnlyList<MemorySample> samples)
    {
        long Mid(Func<MemorySample, long> value) => samples.Select(value).Order().ElementAt(samples.Count / 2);
        return new MemorySample(Mid(s => s.ResidentBytes), Mid(s => s.GcHeapBytes), Mid(s => s.ActiveCircuits), Mid(s => s.ConnectedCircuits),
            Mid(s => s.FullCollections));
    }

    public override string ToString() =>
        $"RSS {Mb(ResidentBytes)}, live GC heap {Mb(GcHeapBytes)}, circuits {ActiveCircuits} active / {ConnectedCircuits} connected, gen2 GCs {FullCollections}";

    public static string Mb(double bytes) => $"{bytes / (1024 * 1024):F1} MiB";
}
