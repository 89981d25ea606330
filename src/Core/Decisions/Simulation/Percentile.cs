namespace Lotte.Core.Decisions.Simulation;

/// <summary>Percentiles with linear interpolation between order statistics (R type 7, NumPy's default).</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="fraction"/> quantile of an ascending, non-empty array.</summary>
    public static double Of(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
