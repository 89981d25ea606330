namespace Lotte.Core.Drift;

/// <summary>Where the reference scores came from (the panel says which).</summary>
public enum DriftReferenceKind
{
    /// <summary>No Production scores yet: nothing to compare with.</summary>
    None,

    /// <summary>Production's scores before the experiment started, from the model's earlier experiments on the same Production version.</summary>
    BeforeExperiment,

    /// <summary>Production's first scores in this experiment (the fallback when too few scores precede it).</summary>
    ExperimentStart,
}
