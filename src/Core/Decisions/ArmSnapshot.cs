using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// Sufficient statistics of one arm at one point in time: exposed and converted units, serving requests and
/// errors, and optionally the sum and sum of squares of a value per unit (e.g. contract value).
/// Evaluation cost does not depend on how many raw events produced these numbers.
/// </summary>
public sealed record ArmSnapshot(
    long ExposedUnits,
    long ConvertedUnits,
    long Requests,
    long Errors,
    double? ValueSum = null,
    double? ValueSumOfSquares = null)
{
    public ProportionStatistic Conversion => new(ExposedUnits, ConvertedUnits);

    public ProportionStatistic ErrorRate => new(Requests, Errors);

    /// <summary>The value metric per exposed unit, or null when no value sums were recorded.</summary>
    public SampleMeanStatistic? Value =>
        ValueSum is { } sum && ValueSumOfSquares is { } sumOfSquares
            ? SampleMeanStatistic.FromSums(ExposedUnits, sum, sumOfSquares)
            : null;

    /// <summary>True when every count is consistent (0 ≤ converted ≤ exposed, 0 ≤ errors ≤ requests).</summary>
    public bool IsValid => Conversion.IsValid && ErrorRate.IsValid;
}
