namespace Lotte.Dashboard.Endpoints;

/// <summary>One unit (<c>unitId</c>) or up to 1,000 (<c>unitIds</c>) to assign. Unit ids are never stored or logged.</summary>
public sealed record AssignmentRequest(string? UnitId, IReadOnlyList<string>? UnitIds);

/// <summary>The arm and model serving each unit, in request order.</summary>
public sealed record AssignmentResponse(string Experiment, IReadOnlyList<AssignedUnit> Assignments);

/// <summary><c>arm</c>: production | staging; <c>stage</c>: the registry stage of the serving version.</summary>
public sealed record AssignedUnit(string UnitId, string Arm, string ModelName, string ModelVersion, string Stage);

/// <summary>
/// What a serving process needs to assign in-process with a GrowthBook SDK (hash version 2, seed,
/// weights/ranges over [production, staging]); poll it with If-None-Match. Units whose bucket lies in
/// <c>stickyBand</c> may have a persisted first arm: ask the assignment endpoint for those.
/// </summary>
public sealed record ExperimentConfigDocument(
    string Key,
    string Status,
    string Mode,
    string HashAttribute,
    string Seed,
    int HashVersion,
    double Coverage,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double[]> Ranges,
    IReadOnlyList<ConfigVariation> Variations,
    double StagingShare,
    double[] StickyBand);

public sealed record ConfigVariation(string Arm, string ModelName, string ModelVersion, string Stage);
