namespace Lotte.Core.Experiments;

/// <summary>
/// AbTest serves a share of users from Staging; Shadow mirrors requests to Staging but always serves
/// Production (ADR-008's "partial use, for error validation").
/// </summary>
public enum ExperimentMode
{
    AbTest,
    Shadow,
}
