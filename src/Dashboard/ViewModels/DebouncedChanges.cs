using System.Collections.Concurrent;
using Lotte.Core.Experiments;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// Experiment changes (PostgreSQL NOTIFY, from any replica), coalesced per experiment over a short window:
/// a burst of event batches becomes one refresh.
/// </summary>
public sealed class DebouncedChanges : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly ExperimentChangeFeed _feed;
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();

    public DebouncedChanges(ExperimentChangeFeed feed)
    {
        _feed = feed;
        _feed.Changed += OnChanged;
    }

    public event Action<Guid>? Changed;

    public void Dispose() => _feed.Changed -= OnChanged;

    private void OnChanged(Guid experimentId)
    {
        if (_pending.TryAdd(experimentId, 0))
        {
            _ = Task.Delay(Window).ContinueWith(_ =>
            {
                _pending.TryRemove(experimentId, out var _);
                Changed?.Invoke(experimentId);
            }, TaskScheduler.Default);
        }
    }
}
