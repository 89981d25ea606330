namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// Fixed, equal-width bins over [<see cref="Min"/>, <see cref="Max"/>]: bin i holds scores in [Min + i·w, Min + (i+1)·w),
/// the last bin also holds <see cref="Max"/>. Scores below Min count in the first bin, scores above Max in the last
/// (clamped, never dropped), so every score is counted. The same bins serve every arm and the reference, which is what
/// makes histograms comparable.
/// </summary>
public sealed record ScoreBinning(int Bins = 20, double Min = 0, double Max = 1)
{
    public static ScoreBinning Default { get; } = new();

    public double Width => (Max - Min) / Bins;

    public bool IsValid => Bins is >= 2 and <= 1000 && double.IsFinite(Min) && double.IsFinite(Max) && Max > Min;

    /// <summary>The bin of a score, clamped into the edge bins (NaN counts in the first).</summary>
    public int BinOf(double score)
    {
        if (!(score >= Min))
        {
            return 0;
        }

        var bin = (int)Math.Floor((score - Min) / Width);
        return Math.Min(bin, Bins - 1);
    }

    public double LowerEdge(int bin) => Min + bin * Width;

    public double Centre(int bin) => Min + (bin + 0.5) * Width;
}
