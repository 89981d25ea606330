namespace Lotte.Core.Statistics;

/// <summary>
/// Ratio of two rates (treatment over control) with its interval, and the same as a relative lift (ratio − 1).
/// When <see cref="Error"/> is set the values are 0 and must not be shown as numbers.
/// </summary>
public sealed record RatioInterval(double Ratio, double RatioLower, double RatioUpper, StatisticsError Error)
{
    public double Lift => Ratio - 1;

    public double LiftLower => RatioLower - 1;

    public double LiftUpper => RatioUpper - 1;
}
