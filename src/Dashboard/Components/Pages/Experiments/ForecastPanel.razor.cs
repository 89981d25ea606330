using Lotte.Dashboard.Localization;
using Lotte.Dashboard.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Lotte.Dashboard.Components.Pages.Experiments;

/// <summary>
/// The live "will this policy work?" panel: the closed-form plan renders at once; the simulation starts
/// shortly after the inputs settle, runs on the thread pool with a progress bar and a cancel button,
/// and is served from cache for inputs seen before.
/// </summary>
public sealed partial class ForecastPanel : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(600);
    private CancellationTokenSource? _run;
    private PolicyForecast? _result;
    private double _progress;
    private bool _running;
    private bool _cancelled;
    private string? _error;

    [Parameter, EditorRequired] public NewExperimentForm Form { get; set; } = null!;

    [Inject] private PolicyForecaster Forecaster { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override Task OnInitializedAsync() => StartAsync();

    public void InputsChanged() => _ = InvokeAsync(async () =>
    {
        _run?.Cancel();
        if (Forecaster.TryGetCached(Form.ForecastInputs, out var cached))
        {
            (_result, _running, _cancelled) = (cached, false, false);
            StateHasChanged();
            return;
        }

        _result = null;
        var settle = new CancellationTokenSource();
        _run = settle;
        StateHasChanged();
        try
        {
            await Task.Delay(Settle, settle.Token);
            await StartAsync();
        }
        catch (OperationCanceledException)
        {
            // A newer change arrived while settling.
        }
    });

    public void Dispose()
    {
        _run?.Cancel();
        _run?.Dispose();
    }

    private void Cancel() => _run?.Cancel();

    private async Task StartAsync()
    {
        if (PolicyForecaster.Plan(Form.ForecastInputs) is null || Form.Policy.Validate().Count > 0)
        {
            return;
        }

        _run?.Cancel();
        var run = new CancellationTokenSource();
        _run = run;
        (_running, _cancelled, _error, _progress) = (true, false, null, 0);
        var progress = new Progress<double>(fraction => _ = InvokeAsync(() =>
        {
            _progress = fraction;
            StateHasChanged();
        }));
        try
        {
            _result = await Forecaster.ForecastAsync(Form.ForecastInputs, progress, run.Token);
        }
        catch (OperationCanceledException)
        {
            _cancelled = ReferenceEquals(_run, run);
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            if (ReferenceEquals(_run, run))
            {
                _running = false;
            }
        }

        StateHasChanged();
    }
}
