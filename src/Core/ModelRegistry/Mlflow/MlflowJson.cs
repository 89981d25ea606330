using System.Text.Json.Serialization;

namespace Lotte.Core.ModelRegistry.Mlflow;

// The JSON of MLflow's REST API 2.0 (proto2 as JSON): snake_case names, int64 as numbers, version as a string.
// Empty fields and lists are left out by the server, so everything a server may omit is nullable here.

internal sealed record MlflowTag(string Key, string? Value);

internal sealed record MlflowAlias(string Alias, string Version);

internal sealed record MlflowRegisteredModel(
    string Name,
    long CreationTimestamp,
    long? LastUpdatedTimestamp,
    string? Description,
    List<MlflowTag>? Tags,
    List<MlflowAlias>? Aliases);

internal sealed record MlflowModelVersion(
    string Name,
    string Version,
    long CreationTimestamp,
    long? LastUpdatedTimestamp,
    string? CurrentStage,
    string? Description,
    string? Source,
    string? RunId,
    List<MlflowTag>? Tags,
    List<string>? Aliases);

internal sealed record MlflowMetric(string Key, double Value);

internal sealed record MlflowRunInfo(string? RunId, string? LifecycleStage);

internal sealed record MlflowRunData(List<MlflowMetric>? Metrics);

internal sealed record MlflowRun(MlflowRunInfo? Info, MlflowRunData? Data);

internal sealed record SearchRegisteredModelsResponse(List<MlflowRegisteredModel>? RegisteredModels, string? NextPageToken);

internal sealed record SearchModelVersionsResponse(List<MlflowModelVersion>? ModelVersions, string? NextPageToken);

internal sealed record GetRegisteredModelResponse(MlflowRegisteredModel? RegisteredModel);

internal sealed record GetModelVersionResponse(MlflowModelVersion? ModelVersion);

internal sealed record GetRunResponse(MlflowRun? Run);

internal sealed record MlflowError(string? ErrorCode, string? Message);

internal sealed record EmptyResponse;

internal sealed record SetAliasRequest(string Name, string Alias, string Version);

internal sealed record DeleteAliasRequest(string Name, string Alias);

internal sealed record TransitionStageRequest(string Name, string Version, string Stage, bool ArchiveExistingVersions);

internal sealed record SetModelVersionTagRequest(string Name, string Version, string Key, string Value);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SearchRegisteredModelsResponse))]
[JsonSerializable(typeof(SearchModelVersionsResponse))]
[JsonSerializable(typeof(GetRegisteredModelResponse))]
[JsonSerializable(typeof(GetModelVersionResponse))]
[JsonSerializable(typeof(GetRunResponse))]
[JsonSerializable(typeof(MlflowError))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(SetAliasRequest))]
[JsonSerializable(typeof(DeleteAliasRequest))]
[JsonSerializable(typeof(TransitionStageRequest))]
[JsonSerializable(typeof(SetModelVersionTagRequest))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext;
