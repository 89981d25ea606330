namespace Lotte.Core.Assignment;

/// <summary>The two arms of an experiment: Production is the control, Staging the treatment.</summary>
public enum Arm
{
    Production = 0,
    Staging = 1,
}
