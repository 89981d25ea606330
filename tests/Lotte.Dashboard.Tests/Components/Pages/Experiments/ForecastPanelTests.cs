using Bunit;
using Lotte.Dashboard.Components.Pages.Experiments;
using Lotte.Dashboard.ViewModels;
using Microsoft.Extensions.DependencyInjection;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class ForecastPanelTests : DashboardTestContext
{
    public ForecastPanelTests() => Services.AddSingleton<PolicyForecaster>();

    [Fact]
    public void Render_DefaultForm_ShowsThePlanAtOnceAndThenTheSimulatedRisk()
    {
        var panel = Render<ForecastPanel>(p => p.Add(c => c.Form, new NewExperimentForm()));

        Assert.Contains("needs about", panel.Find("[data-testid=forecast-plan]").TextContent, StringComparison.Ordinal);
        panel.WaitForAssertion(
            () => Assert.Contains("False-promotion risk", panel.Find("[data-testid=forecast-risk]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ForecastAsync_SameInputsTwice_IsServedFromTheCache()
    {
        var forecaster = Services.GetRequiredService<PolicyForecaster>();
        var inputs = new NewExperimentForm { UnitsPerDay = 50_000 }.ForecastInputs;

        var first = await forecaster.ForecastAsync(inputs, null, Xunit.TestContext.Current.CancellationToken);

        Assert.True(forecaster.TryGetCached(inputs, out var cached));
        Assert.Same(first, cached);
        Assert.InRange(first.FalsePromoteRisk, 0, 0.05);
        Assert.InRange(first.PowerAtMinimumLift, 0.5, 1);
    }

    [Fact]
    public async Task ForecastAsync_Cancelled_ThrowsAndCachesNothing()
    {
        var forecaster = Services.GetRequiredService<PolicyForecaster>();
        var inputs = new NewExperimentForm { UnitsPerDay = 12_345 }.ForecastInputs;
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => forecaster.ForecastAsync(inputs, null, cancel.Token));

        Assert.False(forecaster.TryGetCached(inputs, out _));
    }
}
