using System.Collections.Concurrent;
using Lotte.Core.Experiments;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// Experiment pages' data, loaded once per change and shared by every circuit viewing the experiment:
/// 50 viewers cause one load per change, and nothing polls the database per viewer.
/// </summary>
public sealed class LiveExperimentDetails : IDisposable
{
    private readonly ExperimentDetailLoader _loader;
    private readonly DebouncedChanges _changes;
    private readonly ConcurrentDictionary<string, Task<ExperimentDetail?>> _byKey = new(StringComparer.Ordinal);

    public LiveExperimentDetails(ExperimentDetailLoader loader, DebouncedChanges changes)
    {
        _loader = loader;
        _changes = changes;
        _changes.Changed += OnChanged;
    }

    /// <summary>Raised after an experiment changed and its cached data was dropped.</summary>
    public event Action<Guid>? Changed;

    public async Task<ExperimentDetail?> DetailAsync(string key)
    {
        var load = _byKey.GetOrAdd(key, k => _loader.LoadAsync(k));
        try
        {
            return await load;
        }
        catch
        {
            _byKey.TryRemove(key, out _);
            throw;
        }
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private void OnChanged(Guid experimentId)
    {
        foreach (var (key, load) in _byKey)
        {
            // In-flight loads may have missed the change: drop them too.
            if (experimentId == ExperimentChangeFeed.Everything || !load.IsCompletedSuccessfully || load.Result?.Experiment.Id == experimentId)
            {
                _byKey.TryRemove(key, out _);
            }
        }

        Changed?.Invoke(experimentId);
    }
}
