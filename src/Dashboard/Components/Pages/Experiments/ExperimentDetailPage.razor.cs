using Lotte.Core.Experiments;
using Lotte.Dashboard.Localization;
using Lotte.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>
/// One experiment, live: when its data changes (NOTIFY from ingestion or a decision, on any replica) the
/// shared detail is reloaded once and every open page re-renders; charts update their series in place.
/// </summary>
public sealed partial class ExperimentDetailPage : IDisposable
{
    private ExperimentDetail? _detail;
    private DecisionCardModel? _card;
    private ExperimentCharts? _charts;
    private DriftCharts? _driftCharts;
    private bool _loadError;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter] public string Key { get; set; } = "";
    [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }

    [Inject] private LiveExperimentDetails Live { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ILogger<ExperimentDetailPage> Logger { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        Live.Changed -= OnChanged;
        Live.Changed += OnChanged;
        _breadcrumbs = [new(L["Experiments"], "experiments"), new(Key, null, disabled: true)];
        await LoadAsync();
    }

    public void Dispose() => Live.Changed -= OnChanged;

    private void OnChanged(Guid experimentId)
    {
        if (_detail is null || _loadError || _detail.Experiment.Id == experimentId || experimentId == ExperimentChangeFeed.Everything)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            var detail = await Live.DetailAsync(Key);
            _notFound = detail is null;
            if (detail is not null)
            {
                _detail = detail;
                _card = DecisionCardModel.From(detail.Experiment, detail.Decision, detail.Totals, detail.FirstDataAt, Time.GetUtcNow());
                _charts = ExperimentChartsBuilder.Build(detail, ChartLabels.From(L));
                _driftCharts = DriftChartsBuilder.Build(detail, DriftLabels.From(L));
            }

            _loadError = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Loading experiment {Key} failed", Key);
            _loadError = true;
        }
    }
}
