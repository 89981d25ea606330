using Lotte.Dashboard.Localization;
using Lotte.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>The experiments list: live numbers and decisions, search, filters, sorting; a row opens the experiment.</summary>
public sealed partial class ExperimentList : IDisposable
{
    private IReadOnlyList<Core.Experiments.ExperimentOverview>? _experiments;
    private bool _loadError;
    private string _search = "";
    private string? _status;
    private string? _model;

    [Inject] private LiveExperimentList Live { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ILogger<ExperimentList> Logger { get; set; } = null!;

    private IEnumerable<ExperimentListRow> Rows => (_experiments ?? [])
        .Select(ExperimentListRow.From)
        .Where(r => r.Matches(_search, _status, _model));

    protected override async Task OnInitializedAsync()
    {
        Live.Changed += OnChanged;
        await LoadAsync();
    }

    public void Dispose() => Live.Changed -= OnChanged;

    private void OnChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task LoadAsync()
    {
        try
        {
            _experiments = await Live.ListAsync();
            _loadError = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Loading the experiments list failed");
            _loadError = true;
        }
    }

    private void Open(TableRowClickEventArgs<ExperimentListRow> click)
    {
        if (click.Item is { } row)
        {
            Navigation.NavigateTo($"experiments/{row.Key}");
        }
    }

    private string Ago(DateTimeOffset? at) => at is null ? L["never"] : Humanize.Since(Time.GetUtcNow() - at.Value, L);
}
