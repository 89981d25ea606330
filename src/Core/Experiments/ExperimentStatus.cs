namespace Lotte.Core.Experiments;

/// <summary>Where an experiment is in its life. Terminal states: Promoted, RolledBack, Stopped.</summary>
public enum ExperimentStatus
{
    Draft,
    Running,
    Paused,
    AwaitingApproval,
    Promoted,
    RolledBack,
    Stopped,
}
