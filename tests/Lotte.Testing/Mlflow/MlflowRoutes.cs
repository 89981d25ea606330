using System.Text.Json.Nodes;

namespace Lotte.Testing.Mlflow;

/// <summary>The endpoints the server answers (after /api/2.0/mlflow/ or /ajax-api/2.0/mlflow/), by path and method.</summary>
internal static class MlflowRoutes
{
    public static Dictionary<string, Dictionary<string, Func<MlflowParameters, JsonObject>>> Of(MlflowState state) => new(StringComparer.Ordinal)
    {
        ["registered-models/create"] = new() { ["POST"] = state.CreateModel },
        ["registered-models/get"] = new() { ["GET"] = state.GetModel },
        ["registered-models/delete"] = new() { ["DELETE"] = state.DeleteModel },
        ["registered-models/search"] = new() { ["GET"] = state.SearchModels },
        ["registered-models/alias"] = new() { ["POST"] = state.SetAlias, ["GET"] = state.GetByAlias, ["DELETE"] = state.DeleteAlias },
        ["model-versions/create"] = new() { ["POST"] = state.CreateVersion },
        ["model-versions/get"] = new() { ["GET"] = state.GetVersion },
        ["model-versions/delete"] = new() { ["DELETE"] = state.DeleteVersion },
        ["model-versions/search"] = new() { ["GET"] = state.SearchVersions },
        ["model-versions/transition-stage"] = new() { ["POST"] = state.TransitionStage },
        ["model-versions/set-tag"] = new() { ["POST"] = state.SetVersionTag },
        ["model-versions/delete-tag"] = new() { ["DELETE"] = state.DeleteVersionTag },
        ["experiments/create"] = new() { ["POST"] = state.CreateExperiment },
        ["experiments/delete"] = new() { ["POST"] = state.DeleteExperiment },
        ["runs/create"] = new() { ["POST"] = state.CreateRun },
        ["runs/get"] = new() { ["GET"] = state.GetRun },
        ["runs/delete"] = new() { ["POST"] = state.DeleteRun },
        ["runs/log-metric"] = new() { ["POST"] = state.LogMetric },
        ["runs/log-batch"] = new() { ["POST"] = state.LogBatch },
    };
}
