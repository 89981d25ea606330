namespace Lotte.Core.Experiments;

/// <summary>An action that the experiment's current status does not allow (e.g. resuming a promoted experiment).</summary>
public sealed class InvalidExperimentTransitionException(string experimentKey, ExperimentStatus status, string action)
    : InvalidOperationException($"Experiment '{experimentKey}' is {status}: cannot {action}.")
{
    public string ExperimentKey { get; } = experimentKey;
    public ExperimentStatus Status { get; } = status;
}
