namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>The MLflow endpoints the registry client uses, one method each; searches follow every page.</summary>
internal sealed class MlflowCalls(MlflowApi api)
{
    private const int PageSize = 100;
    private const string NotFound = "RESOURCE_DOES_NOT_EXIST";

    public async Task<List<MlflowRegisteredModel>> SearchModelsAsync(CancellationToken cancellationToken)
    {
        var models = new List<MlflowRegisteredModel>();
        string? page = null;
        do
        {
            var query = new MlflowQuery().Add("max_results", $"{PageSize}").Add("order_by", "name ASC").Add("page_token", page);
            var answer = await api.GetAsync("registered-models/search", query,
                MlflowJsonContext.Default.SearchRegisteredModelsResponse, cancellationToken);
            models.AddRange(answer.RegisteredModels ?? []);
            page = answer.NextPageToken;
        }
        while (!string.IsNullOrEmpty(page));
        return models;
    }

    public async Task<List<MlflowModelVersion>> SearchVersionsAsync(string modelName, CancellationToken cancellationToken)
    {
        var versions = new List<MlflowModelVersion>();
        string? page = null;
        do
        {
            var query = new MlflowQuery()
                .Add("filter", MlflowQuery.NameEquals(modelName))
                .Add("max_results", $"{PageSize}")
                .Add("order_by", "version_number DESC")
                .Add("page_token", page);
            var answer = await api.GetAsync("model-versions/search", query,
                MlflowJsonContext.Default.SearchModelVersionsResponse, cancellationToken);
            versions.AddRange(answer.ModelVersions ?? []);
            page = answer.NextPageToken;
        }
        while (!string.IsNullOrEmpty(page));
        return versions;
    }

    /// <summary>One registered model with its aliases; a missing model fails with RESOURCE_DOES_NOT_EXIST.</summary>
    public async Task<MlflowRegisteredModel> GetModelAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync("registered-models/get", new MlflowQuery().Add("name", name),
            MlflowJsonContext.Default.GetRegisteredModelResponse, cancellationToken);
        return answer.RegisteredModel ?? throw Malformed("registered-models/get", "registered_model");
    }

    public async Task<MlflowModelVersion?> FindVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        try
        {
            return await GetVersionAsync(name, version, cancellationToken);
        }
        catch (ModelRegistryException e) when (e.ErrorCode == NotFound)
        {
            return null;
        }
    }

    /// <summary>One version; a missing version (or model) fails with RESOURCE_DOES_NOT_EXIST.</summary>
    public async Task<MlflowModelVersion> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync("model-versions/get", new MlflowQuery().Add("name", name).Add("version", version),
            MlflowJsonContext.Default.GetModelVersionResponse, cancellationToken);
        return answer.ModelVersion ?? throw Malformed("model-versions/get", "model_version");
    }

    /// <summary>The run, or null when it no longer exists.</summary>
    public async Task<MlflowRun?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await api.GetAsync("runs/get", new MlflowQuery().Add("run_id", runId),
                MlflowJsonContext.Default.GetRunResponse, cancellationToken);
            return answer.Run;
        }
        catch (ModelRegistryException e) when (e.ErrorCode == NotFound)
        {
            return null;
        }
    }

    public Task SetAliasAsync(string name, string alias, string version, CancellationToken cancellationToken) =>
        api.PostAsync("registered-models/alias", new SetAliasRequest(name, alias, version),
            MlflowJsonContext.Default.SetAliasRequest, cancellationToken);

    /// <summary>Deleting an alias that does not exist answers 200 {}.</summary>
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken) =>
        api.DeleteAsync("registered-models/alias", new DeleteAliasRequest(name, alias),
            MlflowJsonContext.Default.DeleteAliasRequest, cancellationToken);

    public Task TransitionStageAsync(string name, string version, ModelStage stage, bool archiveExisting, CancellationToken cancellationToken) =>
        api.PostAsync("model-versions/transition-stage", new TransitionStageRequest(name, version, stage.ToString(), archiveExisting),
            MlflowJsonContext.Default.TransitionStageRequest, MlflowJsonContext.Default.GetModelVersionResponse, cancellationToken);

    public Task SetVersionTagAsync(string name, string version, string key, string value, CancellationToken cancellationToken) =>
        api.PostAsync("model-versions/set-tag", new SetModelVersionTagRequest(name, version, key, value),
            MlflowJsonContext.Default.SetModelVersionTagRequest, cancellationToken);

    /// <summary>The cheapest call that proves the API answers and the credentials are accepted.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        api.GetAsync("registered-models/search", new MlflowQuery().Add("max_results", "1"),
            MlflowJsonContext.Default.SearchRegisteredModelsResponse, cancellationToken);

    private static ModelRegistryException Malformed(string path, string field) =>
        new($"MLflow's answer to {path} has no '{field}'.", isTransient: false);
}
