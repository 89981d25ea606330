using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Lotte.Dashboard.Components.Charts;

/// <summary>
/// The one component that talks to ApexCharts. First render creates the chart; later renders with a
/// new <see cref="Spec"/> update its series in place. A data table is always there for screen readers.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private ElementReference _element;
    private IJSObjectReference? _module;
    private ChartSpec? _rendered;
    private bool _renderedDark;
    private bool _created;

    [Parameter, EditorRequired] public ChartSpec Spec { get; set; } = null!;
    [Parameter] public bool Dark { get; set; }
    [Parameter] public string? TestId { get; set; }
    [Parameter] public string TableLabel { get; set; } = "Data table";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_rendered, Spec) && _renderedDark == Dark)
        {
            return;
        }

        // Recorded before awaiting the browser: a newer spec arriving meanwhile must update, not re-create.
        var (spec, dark, create) = (Spec, Dark, !_created);
        (_rendered, _renderedDark, _created) = (spec, dark, true);
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
        var payload = JsonSerializer.SerializeToElement(new ChartPayload(spec, dark), Json);
        await _module.InvokeVoidAsync(create ? "render" : "update", _element, payload);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's chart with it.
        }
    }

    /// <summary>The spec flattened as the JS module reads it (unit as a lower-case word).</summary>
    private sealed record ChartPayload(ChartSpec Spec, bool Dark)
    {
        public string Title => Spec.Title;
        public string XTitle => Spec.XTitle;
        public string YTitle => Spec.YTitle;
        public string Unit => Spec.Unit.ToString().ToLowerInvariant();
        public IReadOnlyList<ChartSeries> Series => Spec.Series;
        public IReadOnlyList<ChartThreshold> Thresholds => Spec.Thresholds;
        public IReadOnlyList<ChartMarker> Markers => Spec.Markers;
        public bool Logarithmic => Spec.Logarithmic;
        public double? YMin => Spec.YMin;
        public double? YMax => Spec.YMax;
        public int Height => Spec.Height;
        public string NoData => Spec.NoData;
        public IReadOnlyList<string>? Categories => Spec.Categories;
    }
}
