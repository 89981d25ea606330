namespace Lotte.Core.Assignment;

/// <summary>
/// The arm a unit is served by. The numeric values are the GrowthBook variation indexes:
/// Production is variation 0, the control, which is also what an SDK serves a unit that is
/// not in the experiment.
/// </summary>
public enum Arm
{
    Production = 0,
    Staging = 1,
}
