namespace Lotte.Core.Statistics;

/// <summary>
/// The 2×2 table [[a, b], [c, d]] = [[converted_t, not_t], [converted_c, not_c]]:
/// row 1 is the treatment (Staging), row 2 the control (Production).
/// </summary>
public readonly record struct TwoByTwoTable(long A, long B, long C, long D)
{
    public static TwoByTwoTable From(ProportionStatistic treatment, ProportionStatistic control) =>
        new(treatment.Conversions, treatment.NonConversions, control.Conversions, control.NonConversions);

    public long Row1 => A + B;

    public long Row2 => C + D;

    public long Column1 => A + C;

    public long Column2 => B + D;

    public long Total => A + B + C + D;

    public bool IsValid => A >= 0 && B >= 0 && C >= 0 && D >= 0;

    /// <summary>True when a row or a column sums to 0 (the chi-square statistic is then undefined).</summary>
    public bool HasZeroMargin => Row1 == 0 || Row2 == 0 || Column1 == 0 || Column2 == 0;

    /// <summary>Expected count of cell (row, column) under independence: row sum × column sum / N.</summary>
    public double Expected(int row, int column)
    {
        double rowSum = row == 0 ? Row1 : Row2;
        double columnSum = column == 0 ? Column1 : Column2;
        return rowSum * columnSum / Total;
    }

    /// <summary>Observed count of cell (row, column).</summary>
    public long Observed(int row, int column) => (row, column) switch
    {
        (0, 0) => A,
        (0, 1) => B,
        (1, 0) => C,
        _ => D,
    };

    /// <summary>The smallest expected cell count (0 for an empty table).</summary>
    public double MinimumExpected()
    {
        if (Total == 0)
        {
            return 0;
        }

        return Math.Min(Math.Min(Expected(0, 0), Expected(0, 1)), Math.Min(Expected(1, 0), Expected(1, 1)));
    }
}
