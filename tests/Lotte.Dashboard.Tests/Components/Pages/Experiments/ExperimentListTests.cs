using Bunit;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Components.Pages.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class ExperimentListTests : DashboardTestContext
{
    private static readonly DateTimeOffset Started = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_NoExperiments_ShowsFriendlyEmptyState()
    {
        Services.AddSingleton<IExperimentCatalog>(new StubCatalog(Task.FromResult<IReadOnlyList<ExperimentSummary>>([])));

        var page = Render<ExperimentList>();

        Assert.Contains("No experiments yet", page.Find("[data-testid=experiments-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhileLoading_ShowsProgressThenRows()
    {
        var pending = new TaskCompletionSource<IReadOnlyList<ExperimentSummary>>();
        Services.AddSingleton<IExperimentCatalog>(new StubCatalog(pending.Task));

        var page = Render<ExperimentList>();
        Assert.NotNull(page.Find("[data-testid=experiments-loading]"));

        pending.SetResult([Summary("undervaluation-v4", ExperimentStatus.Running)]);

        page.WaitForAssertion(() => Assert.Contains("undervaluation-v4", page.Find("[data-testid=experiments-table]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_DatabaseFails_ShowsReadableErrorInsteadOfCrashing()
    {
        Services.AddSingleton<IExperimentCatalog>(new StubCatalog(Task.FromException<IReadOnlyList<ExperimentSummary>>(new TimeoutException("connect timeout"))));

        var page = Render<ExperimentList>();

        Assert.Contains("could not be loaded", page.Find("[data-testid=experiments-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Experiments_ShowsNameModelVersionsShareAndStatus()
    {
        Services.AddSingleton<IExperimentCatalog>(new StubCatalog(Task.FromResult<IReadOnlyList<ExperimentSummary>>(
            [Summary("undervaluation-v4", ExperimentStatus.Running), Summary("undervaluation-v5", ExperimentStatus.RolledBack)])));

        var page = Render<ExperimentList>();

        var rows = page.FindAll("[data-testid=experiments-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("v3 → v4", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("10", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("RolledBack", rows[1].TextContent, StringComparison.Ordinal);
    }

    private static ExperimentSummary Summary(string key, ExperimentStatus status) =>
        new(Guid.NewGuid(), key, $"Experiment {key}", "undervaluation-score", "3", "4", status, ExperimentMode.AbTest, 0.10, Started, Started);

    private sealed class StubCatalog(Task<IReadOnlyList<ExperimentSummary>> result) : IExperimentCatalog
    {
        public Task<IReadOnlyList<ExperimentSummary>> ListAsync(CancellationToken cancellationToken = default) => result;
    }
}
