namespace Lotte.Core.Decisions;

/// <summary>How far prediction scores have drifted, in increasing order of concern.</summary>
public enum DriftLevel
{
    /// <summary>Too few scores on a side (or none) to judge.</summary>
    NotEvaluated,

    /// <summary>Within every threshold.</summary>
    None,

    /// <summary>PSI at or above the warning level, or Evidently's test (KS or normed Wasserstein) finds drift.</summary>
    Warning,

    /// <summary>PSI at or above the alert level.</summary>
    Alert,
}
