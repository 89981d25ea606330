using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;

namespace Lotte.Core.Tests.Decisions.Simulation;

public sealed class PolicySimulatorTests
{
    private static readonly SimulationSettings Small = new()
    {
        Policy = DecisionPolicy.SequentialRecommended,
        TrueRelativeLift = 0.3,
        HorizonUnits = 50_000,
        Runs = 200,
        Seed = 11,
    };

    [Fact]
    public void Run_SameSeedOneThreadOrMany_GivesTheSameReport()
    {
        var oneThread = PolicySimulator.Run(Small with { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var manyThreads = PolicySimulator.Run(Small with { MaxDegreeOfParallelism = -1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(oneThread with { Settings = Small }, manyThreads with { Settings = Small });
    }

    [Fact]
    public void Run_DifferentSeeds_GiveDifferentRuns()
    {
        var first = PolicySimulator.Run(Small, cancellationToken: TestContext.Current.CancellationToken);
        var second = PolicySimulator.Run(Small with { Seed = 12 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(first.ToPromote, second.ToPromote);
    }

    [Fact]
    public void Run_Progress_ReachesOneAndNeverGoesBackwardsPastIt()
    {
        var reported = new List<double>();
        var progress = new SynchronousProgress(value => { lock (reported) { reported.Add(value); } });

        PolicySimulator.Run(Small, progress, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, reported.Max());
        Assert.InRange(reported.Count, 50, 201);
        Assert.All(reported, value => Assert.InRange(value, 0, 1));
    }

    [Fact]
    public void Run_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PolicySimulator.Run(Small, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(value =>
        {
            if (value >= 0.1)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => PolicySimulator.RunAsync(Small with { Runs = 2000 }, progress, cancellation.Token));
    }

    [Fact]
    public void Run_InvalidSettings_ThrowsWithTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => PolicySimulator.Run(Small with { StagingShare = 1.5 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("StagingShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StagingBetter_ReportsPowerAndNoFalsePromoteRate()
    {
        var report = PolicySimulator.Run(Small, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(report.FalsePromoteRate);
        Assert.Equal(report.PromoteRate, report.Power);
        Assert.Equal(1.0, report.PromoteRate + report.RollbackRate + report.HaltRate + report.KeepTestingRate, 1e-12);
        Assert.Equal(report.ToPromote!.MedianUnits / Small.UnitsPerDay, report.ToPromote.MedianDays, 1e-12);
    }

    [Fact]
    public void Run_NoConversionsAndNoErrors_NeverDecides()
    {
        var report = PolicySimulator.Run(Small with { BaselineRate = 0, TrueRelativeLift = 0, Policy = DecisionPolicy.Adr008AsWritten }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, report.KeepTestingRate);
        Assert.Null(report.ToDecision);
    }

    [Fact]
    public void Run_PartialLastLook_IsTakenExactlyAtTheHorizon()
    {
        // Every request fails, but the guard needs 240 Staging requests: about 200 arrive by 2 000 units, about 250
        // by the partial last look at 2 500 units (not 3 000).
        var policy = DecisionPolicy.SequentialRecommended with { MinRequestsForErrorGuard = 240 };
        var settings = Small with { Policy = policy, BaselineRate = 0, TrueRelativeLift = 0, StagingErrorRate = 1, HorizonUnits = 2_500 };

        var report = PolicySimulator.Run(settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((2_500.0, 2_500.0), (report.ToErrorGuard!.MedianUnits, report.ToErrorGuard.P90Units));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
