namespace Lotte.Core.Statistics;

/// <summary>
/// The "Staging converts more than Production × (1 + lift)" condition, evaluated exactly.
/// </summary>
/// <remarks>
/// x_t/n_t &gt; (1 + lift)·x_c/n_c is rearranged to x_t·n_c &gt; (1 + lift)·x_c·n_t and evaluated in
/// <see cref="decimal"/>, so a Staging rate of exactly 1.05 × Production is never "above" it.
/// The double expression <c>(xt/nt) &gt; (xc/nc)*1.05</c> gets such boundary cases wrong (e.g. 21/38 vs 180/342).
/// Products stay far below decimal's range up to 10^12 units per arm.
/// </remarks>
public static class RelativeLiftCondition
{
    /// <summary>True when the treatment rate is strictly above (1 + <paramref name="minimumRelativeLift"/>) × the control rate.</summary>
    public static bool IsMet(ProportionStatistic treatment, ProportionStatistic control, decimal minimumRelativeLift)
    {
        if (!treatment.IsValid || !control.IsValid || treatment.Units == 0 || control.Units == 0)
        {
            return false;
        }

        var left = (decimal)treatment.Conversions * control.Units;
        var right = (1m + minimumRelativeLift) * control.Conversions * treatment.Units;
        return left > right;
    }
}
