using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.Monitoring;

namespace Lotte.Core.Tests.Monitoring;

public class ExperimentGaugesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly ArmSnapshot NoData = new(0, 0, 0, 0);

    [Fact]
    public void IngestionLagSeconds_AfterAnEvent_CountsFromTheLastEvent()
    {
        var gauges = Gauges(ExperimentStatus.Running, started: Now.AddHours(-3), lastEvent: Now.AddSeconds(-42));

        Assert.Equal(42, gauges.IngestionLagSeconds(Now));
    }

    [Fact]
    public void IngestionLagSeconds_NoEventYet_CountsFromTheStart()
    {
        var gauges = Gauges(ExperimentStatus.AwaitingApproval, started: Now.AddHours(-3), lastEvent: null);

        Assert.Equal(3 * 3600, gauges.IngestionLagSeconds(Now));
    }

    [Fact]
    public void IngestionLagSeconds_Paused_IsNotReported()
    {
        var gauges = Gauges(ExperimentStatus.Paused, started: Now.AddHours(-3), lastEvent: Now.AddHours(-2));

        Assert.Null(gauges.IngestionLagSeconds(Now));
    }

    [Fact]
    public void IngestionLagSeconds_EventStampedAfterNow_IsZero()
    {
        var gauges = Gauges(ExperimentStatus.Running, started: Now.AddHours(-3), lastEvent: Now.AddSeconds(3));

        Assert.Equal(0, gauges.IngestionLagSeconds(Now));
    }

    [Theory]
    [InlineData(Decision.Promote, "PROMOTE")]
    [InlineData(Decision.Rollback, "ROLLBACK")]
    [InlineData(Decision.KeepTesting, "KEEP_TESTING")]
    [InlineData(Decision.Halt, "HALT")]
    public void DecisionLabel_EveryDecision_IsTheEnginesName(Decision decision, string label) =>
        Assert.Equal(label, OperationsMetrics.DecisionLabel(decision));

    private static ExperimentGauges Gauges(ExperimentStatus status, DateTimeOffset? started, DateTimeOffset? lastEvent) =>
        new("exp", "model", status, NoData, NoData, Decision.KeepTesting, 1, null, 0.001, 0.01, started, lastEvent, null);
}
