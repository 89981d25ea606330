using Bunit;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Components.Pages.Experiments;
using Lotte.Dashboard.ViewModels;
using Microsoft.Extensions.DependencyInjection;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class ExperimentListTests : DashboardTestContext
{
    [Fact]
    public void Render_NoExperiments_ShowsFriendlyEmptyState()
    {
        UseCatalog(Task.FromResult<IReadOnlyList<ExperimentOverview>>([]));

        var page = Render<ExperimentList>();

        Assert.Contains("No experiments yet", page.Find("[data-testid=experiments-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhileLoading_ShowsProgressThenRows()
    {
        var pending = new TaskCompletionSource<IReadOnlyList<ExperimentOverview>>();
        UseCatalog(pending.Task);

        var page = Render<ExperimentList>();
        Assert.NotNull(page.Find("[data-testid=experiments-loading]"));

        pending.SetResult([TestOverviews.Of("undervaluation-v4", ExperimentStatus.Running, TestOverviews.Arm(9_000, 450), TestOverviews.Arm(1_000, 60))]);

        page.WaitForAssertion(() => Assert.Contains("undervaluation-v4", page.Find("[data-testid=experiments-table]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Render_DatabaseFails_ShowsReadableErrorInsteadOfCrashing()
    {
        UseCatalog(Task.FromException<IReadOnlyList<ExperimentOverview>>(new TimeoutException("connect timeout")));

        var page = Render<ExperimentList>();

        Assert.Contains("could not be loaded", page.Find("[data-testid=experiments-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Experiments_ShowsVersionsUnitsConversionAndDecisionPerRow()
    {
        UseCatalog(Task.FromResult<IReadOnlyList<ExperimentOverview>>(
        [
            TestOverviews.Of("undervaluation-v4", ExperimentStatus.Running, TestOverviews.Arm(90_000, 4_500), TestOverviews.Arm(10_000, 650)),
            TestOverviews.Of("undervaluation-v5", ExperimentStatus.RolledBack, TestOverviews.Arm(9_000, 450, 9_000, 9), TestOverviews.Arm(1_000, 50, 1_000, 40)),
        ]));

        var page = Render<ExperimentList>();

        var rows = page.FindAll("[data-testid=experiments-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("v3 → v4", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("90,000 / 10,000", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Promote", rows[0].QuerySelector("[data-testid=decision-badge]")!.GetAttribute("data-decision"));
        Assert.Equal("Rollback", rows[1].QuerySelector("[data-testid=decision-badge]")!.GetAttribute("data-decision"));
        Assert.Contains("Rolled back", rows[1].TextContent, StringComparison.Ordinal);
    }

    private void UseCatalog(Task<IReadOnlyList<ExperimentOverview>> result)
    {
        Services.AddSingleton<IExperimentCatalog>(new StubCatalog(result));
        Services.AddSingleton<LiveExperimentList>();
    }

    private sealed class StubCatalog(Task<IReadOnlyList<ExperimentOverview>> result) : IExperimentCatalog
    {
        public Task<IReadOnlyList<ExperimentOverview>> ListAsync(CancellationToken cancellationToken = default) => result;
    }
}
