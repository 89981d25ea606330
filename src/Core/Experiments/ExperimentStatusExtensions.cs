namespace Lotte.Core.Experiments;

public static class ExperimentStatusExtensions
{
    /// <summary>
    /// Events flow while traffic flows: running, awaiting a lead's approval, or paused by a lead (a pause
    /// holds the decision, not the traffic). A draft has no traffic; a finished experiment's numbers are frozen.
    /// </summary>
    public static bool AcceptsEvents(this ExperimentStatus status) =>
        status is ExperimentStatus.Running or ExperimentStatus.AwaitingApproval or ExperimentStatus.Paused;
}
