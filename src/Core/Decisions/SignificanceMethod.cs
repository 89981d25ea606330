namespace Lotte.Core.Decisions;

/// <summary>Which p-value a policy compares with α.</summary>
public enum SignificanceMethod
{
    /// <summary>Single-look two-sided p (pooled z-test): only valid if looked at once, at a planned size.</summary>
    FixedHorizon,

    /// <summary>Always-valid p of the mixture SPRT: valid at every look.</summary>
    MixtureSprt,

    /// <summary>GrowthBook's sequential p (asymptotic confidence sequence), for comparison.</summary>
    GrowthBookSequential,
}
