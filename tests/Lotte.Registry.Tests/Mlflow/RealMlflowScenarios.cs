namespace Lotte.Registry.Tests.Mlflow;

/// <summary>
/// The client scenarios against a real MLflow tracking server named by LOTTE_MLFLOW_REAL_URI. This file is compiled
/// only when the variable is set at build time (see the project file), so a normal run has no skipped tests.
/// </summary>
public sealed class RealMlflowScenarios : MlflowRegistryScenarios
{
    protected override Uri BaseUri { get; } = new(Environment.GetEnvironmentVariable("LOTTE_MLFLOW_REAL_URI")
        ?? throw new InvalidOperationException("LOTTE_MLFLOW_REAL_URI is not set: rebuild without it to leave these scenarios out."));
}
