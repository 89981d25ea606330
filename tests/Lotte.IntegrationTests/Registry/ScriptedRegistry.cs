using Lotte.Core.ModelRegistry;

namespace Lotte.IntegrationTests.Registry;

/// <summary>
/// The built-in registry behind a switch: while <see cref="Down"/> (or for the next <see cref="FailNext"/> calls) every
/// call fails as an unreachable registry does; it counts the moves that reached the registry.
/// </summary>
internal sealed class ScriptedRegistry(IModelRegistry inner) : IModelRegistry
{
    private int _applied;

    public bool Down { get; set; }
    public int FailNext { get; set; }
    public int Applied => _applied;
    public string Name => inner.Name;

    public Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        Call(() => inner.ListModelsAsync(cancellationToken));

    public Task<ModelVersion?> FindVersionAsync(string modelName, string version, CancellationToken cancellationToken = default) =>
        Call(() => inner.FindVersionAsync(modelName, version, cancellationToken));

    public Task<bool> IsAppliedAsync(RegistryMove move, CancellationToken cancellationToken = default) =>
        Call(() => inner.IsAppliedAsync(move, cancellationToken));

    public Task ApplyAsync(RegistryMove move, CancellationToken cancellationToken = default) =>
        Call(async () =>
        {
            await inner.ApplyAsync(move, cancellationToken);
            Interlocked.Increment(ref _applied);
            return true;
        });

    public Task<RegistryHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult(new RegistryHealth(Name, false, "connection refused")) : inner.CheckHealthAsync(cancellationToken);

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        if (Down || FailNext > 0)
        {
            FailNext = Math.Max(0, FailNext - 1);
            throw new ModelRegistryException("Connection refused (127.0.0.1:9)", isTransient: true);
        }

        return await call();
    }
}
