namespace Lotte.Core.Drift;

/// <summary>Which two score distributions a comparison sets against each other (the first is the reference side).</summary>
public enum DriftComparisonKind
{
    /// <summary>Staging's scores against the reference window: has the new model's output moved?</summary>
    StagingVsReference,

    /// <summary>Production's scores against the reference window: has the population (or the old model) moved?</summary>
    ProductionVsReference,

    /// <summary>Staging's scores against Production's over the same time: how differently the two versions score.</summary>
    StagingVsProduction,
}
