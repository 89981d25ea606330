namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>Pass when |actual − expected| ≤ max(Relative·|expected|, Absolute).</summary>
public readonly record struct Tolerance(double Relative, double Absolute)
{
    public static Tolerance Exact { get; } = new(0, 0);

    public bool Accepts(double actual, double expected) =>
        actual.Equals(expected) || Math.Abs(actual - expected) <= Math.Max(Relative * Math.Abs(expected), Absolute);

    public override string ToString() => $"rel {Relative:g3}, abs {Absolute:g3}";
}
