namespace Lotte.Core.ModelRegistry;

/// <summary>
/// The model registry the dashboard reads versions from and moves the serving pointer in: the built-in
/// registry (PostgreSQL tables) or MLflow over its REST API, chosen by <see cref="ModelRegistryOptions"/>.
/// </summary>
/// <remarks>
/// Failures are reported as <see cref="ModelRegistryException"/>: transient ones (unreachable, timeouts, 5xx, 429)
/// with <see cref="ModelRegistryException.IsTransient"/> set, so the outbox worker retries them with backoff.
/// </remarks>
public interface IModelRegistry
{
    /// <summary>"built-in" or "mlflow", shown on the models page and in readiness.</summary>
    string Name { get; }

    /// <summary>Registered models with their versions (newest first): stage, aliases, description, source run.</summary>
    Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>One version with its offline metrics (MAE, RMSE from its run), or null when the registry has no such version.</summary>
    Task<ModelVersion?> FindVersionAsync(string modelName, string version, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the registry already shows <paramref name="move"/> done: the outbox worker reads this before
    /// applying, so a change applied before a crash is never applied twice.
    /// </summary>
    Task<bool> IsAppliedAsync(RegistryMove move, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the serving pointer as <paramref name="move"/> says and tags the moved version with the experiment and
    /// the approval. Every step sets a target state, so applying the same move again changes nothing.
    /// </summary>
    Task ApplyAsync(RegistryMove move, CancellationToken cancellationToken = default);

    /// <summary>Whether the registry answers now; never throws.</summary>
    Task<RegistryHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
