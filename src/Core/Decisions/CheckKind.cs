namespace Lotte.Core.Decisions;

/// <summary>The conditions a policy checks at every look, in the order the engine applies them.</summary>
public enum CheckKind
{
    /// <summary>Staging's error rate (or its lower confidence bound) against the limit.</summary>
    StagingErrorRate,

    /// <summary>The sample-ratio p-value against its α: is the observed split the configured one?</summary>
    SampleRatio,

    /// <summary>The smaller arm's exposed units against the minimum for PROMOTE.</summary>
    MinimumUnits,

    /// <summary>Staging's relative lift over Production against the minimum lift.</summary>
    RelativeLift,

    /// <summary>The policy's p-value against α.</summary>
    Significance,
}
