namespace Lotte.Core.Statistics;

/// <summary>Whether an effect is the absolute difference p_t − p_c or the relative one (p_t − p_c)/p_c.</summary>
public enum DifferenceType
{
    Relative,
    Absolute,
}
