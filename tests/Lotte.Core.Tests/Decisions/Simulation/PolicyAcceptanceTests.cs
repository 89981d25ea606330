using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Decisions.Simulation;

/// <summary>
/// The acceptance criteria, run at full size: 2 000 experiments, 5 % baseline, 10 % Staging traffic, a look every
/// 1 000 units up to 200 000, seed 20240601 (the simulator's default). docs/statistics.md reports the same figures.
/// </summary>
public sealed class PolicyAcceptanceTests
{
    private static readonly SimulationSettings AcceptanceScenario = new() { Runs = 2_000, Seed = 20240601 };

    [Fact]
    public void Simulate_AaUnderAdr008AsWritten_PromotesAboutOneRunInFive()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.Adr008AsWritten }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(report.FalsePromoteRate!.Value, 0.18, 0.28);
    }

    [Fact]
    public void Simulate_AaUnderSequential_FalsePromoteAtMostFivePercent()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.SequentialRecommended }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.FalsePromoteRate <= 0.05, $"false PROMOTE rate {report.FalsePromoteRate}");
    }

    [Fact]
    public void Simulate_TwentyPercentLiftUnderSequential_PromotesInAtLeast95PercentOfRuns()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.SequentialRecommended, TrueRelativeLift = 0.2 }, cancellationToken: TestContext.Current.CancellationToken);
        var fixedHorizon = SampleSizeCalculator.Compute(0.05, 0.2);

        Assert.True(report.Power >= 0.95, $"power {report.Power}");
        // Peeking safely costs little: the median run decides within 1.5 × the fixed-horizon total for 80 % power.
        Assert.InRange(report.ToPromote!.MedianUnits, 0, 1.5 * fixedHorizon.Total);
    }

    [Fact]
    public void Simulate_HealthyErrorRateUnderAdr008AsWritten_RollsBackAboutOneRunInThree()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.Adr008AsWritten, StagingErrorRate = 0.005 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(report.FalseRollbackRate!.Value, 0.25, 0.45);
    }

    [Fact]
    public void Simulate_HealthyErrorRateUnderSequential_FalseRollbackAtMostOnePercent()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.SequentialRecommended, StagingErrorRate = 0.005 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.FalseRollbackRate <= 0.01, $"false ROLLBACK rate {report.FalseRollbackRate}");
    }

    [Fact]
    public void Simulate_ThreePercentErrorsUnderSequential_RollsBackInAtLeast99PercentOfRuns()
    {
        var report = PolicySimulator.Run(AcceptanceScenario with { Policy = DecisionPolicy.SequentialRecommended, StagingErrorRate = 0.03 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.RollbackDetectionRate >= 0.99, $"roll-back rate {report.RollbackDetectionRate}");
        Assert.Equal(report.RollbackDetectionRate, report.RollbackRate);
    }
}
