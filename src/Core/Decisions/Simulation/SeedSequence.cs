namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// Derives one independent seed per run from the master seed with SplitMix64 (Steele, Lea &amp; Flood 2014), so a
/// run's random stream depends only on (master seed, run index), never on which thread ran it.
/// </summary>
internal static class SeedSequence
{
    public static int ForRun(long masterSeed, int run)
    {
        var state = unchecked((ulong)masterSeed + (ulong)(run + 1) * 0x9E3779B97F4A7C15UL);
        state = unchecked((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL);
        state = unchecked((state ^ (state >> 27)) * 0x94D049BB133111EBUL);
        state ^= state >> 31;
        return unchecked((int)state);
    }
}
