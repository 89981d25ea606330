using Lotte.Core.Experiments;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The experiments list, loaded once per change and shared by every circuit on this replica.</summary>
public sealed class LiveExperimentList : IDisposable
{
    private readonly IExperimentCatalog _catalog;
    private readonly DebouncedChanges _changes;
    private Task<IReadOnlyList<ExperimentOverview>>? _list;

    public LiveExperimentList(IExperimentCatalog catalog, DebouncedChanges changes)
    {
        _catalog = catalog;
        _changes = changes;
        _changes.Changed += OnChanged;
    }

    /// <summary>Raised after any experiment changed; readers then get fresh data.</summary>
    public event Action? Changed;

    public async Task<IReadOnlyList<ExperimentOverview>> ListAsync()
    {
        var load = _list ??= _catalog.ListAsync();
        try
        {
            return await load;
        }
        catch
        {
            _list = null; // not cached: the next reader tries again, e.g. once the database is back
            throw;
        }
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private void OnChanged(Guid experimentId)
    {
        _list = null;
        Changed?.Invoke();
    }
}
