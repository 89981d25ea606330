namespace Lotte.Core.Assignment;

/// <summary>GrowthBook's mapping from weights and coverage to bucket ranges, and from a bucket to a variation.</summary>
public static class BucketRanges
{
    // GrowthBook accepts weights summing to within these bounds and falls back to equal weights otherwise.
    private const double MinWeightSum = 0.99;
    private const double MaxWeightSum = 1.01;

    /// <summary>Equal weights for <paramref name="numVariations"/> variations; empty for none.</summary>
    public static IReadOnlyList<double> GetEqualWeights(int numVariations) =>
        numVariations <= 0 ? [] : Enumerable.Repeat(1.0 / numVariations, numVariations).ToArray();

    /// <summary>
    /// One range per variation: each starts at the cumulative weight before it and spans
    /// coverage × weight. Coverage is clamped to [0, 1]; weights of the wrong length or sum fall back to equal.
    /// </summary>
    public static IReadOnlyList<BucketRange> GetBucketRanges(
        int numVariations, double coverage = 1, IReadOnlyList<double>? weights = null)
    {
        coverage = Math.Clamp(coverage, 0, 1);
        if (weights is null || weights.Count != numVariations || !SumsToOne(weights))
        {
            weights = GetEqualWeights(numVariations);
        }

        // Same accumulation order as the SDKs, so the floating-point bounds are identical too.
        var ranges = new BucketRange[weights.Count];
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            var start = cumulative;
            cumulative += weights[i];
            ranges[i] = new BucketRange(start, start + (coverage * weights[i]));
        }
        return ranges;
    }

    /// <summary>The index of the first range containing <paramref name="bucket"/>, or -1 when none does.</summary>
    public static int ChooseVariation(double bucket, IReadOnlyList<BucketRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(bucket))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool SumsToOne(IReadOnlyList<double> weights)
    {
        // Left to right, as the SDKs add them, so a sum on the boundary is judged the same way.
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        return total >= MinWeightSum && total <= MaxWeightSum;
    }
}
