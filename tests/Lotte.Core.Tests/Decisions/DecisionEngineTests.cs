using Lotte.Core.Decisions;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Decisions;

public sealed class DecisionEngineTests
{
    private static readonly DecisionPolicy AsWritten = DecisionPolicy.Adr008AsWritten;
    private static readonly DecisionPolicy Sequential = DecisionPolicy.SequentialRecommended;

    [Fact]
    public void Evaluate_AsWrittenTwoErrorsInFirstHundredRequests_RollsBack()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(900, 45, 100, 5, stagingErrors: 2), AsWritten);

        Assert.Equal(Decision.Rollback, result.Decision);
        Assert.Equal([ReasonCode.ErrorRateAboveLimit], result.Reasons);
        Assert.Equal(new DecisionCheck(CheckKind.StagingErrorRate, 0.02, 0.01, CheckOutcome.Fail), result.Check(CheckKind.StagingErrorRate));
    }

    [Fact]
    public void Evaluate_AsWrittenErrorRateExactlyAtLimit_DoesNotRollBack() =>
        Assert.NotEqual(Decision.Rollback, DecisionEngine.Evaluate(Snapshots.Create(900, 45, 100, 5, stagingErrors: 1), AsWritten).Decision);

    [Fact]
    public void Evaluate_SequentialTwoErrorsInFirstHundredRequests_WaitsForMoreRequests()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(900, 45, 100, 5, stagingErrors: 2), Sequential);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Equal(CheckOutcome.NotEvaluated, result.Check(CheckKind.StagingErrorRate)!.Outcome);
        Assert.Contains(ReasonCode.ErrorGuardWaitingForRequests, result.Reasons);
    }

    [Fact]
    public void Evaluate_SequentialErrorRateClearlyAboveLimit_RollsBack()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(9000, 450, 1000, 50, stagingErrors: 30), Sequential);

        Assert.Equal(Decision.Rollback, result.Decision);
        Assert.True(result.Check(CheckKind.StagingErrorRate)!.Observed > 0.01);
    }

    [Fact]
    public void Evaluate_SequentialErrorRateAboveLimitButNotConfidently_KeepsTesting()
    {
        // 1.3 % observed, but the 99 % lower bound is below 1 %.
        var result = DecisionEngine.Evaluate(Snapshots.Create(9000, 450, 1000, 50, stagingErrors: 13), Sequential);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Equal(CheckOutcome.Pass, result.Check(CheckKind.StagingErrorRate)!.Outcome);
    }

    [Fact]
    public void Evaluate_ErrorGuardSetToPause_HaltsInsteadOfRollingBack()
    {
        var result = DecisionEngine.Evaluate(
            Snapshots.Create(9000, 450, 1000, 50, stagingErrors: 30), Sequential with { ErrorGuardAction = ErrorGuardAction.Pause });

        Assert.Equal(Decision.Halt, result.Decision);
        Assert.Equal([ReasonCode.ErrorRateAboveLimitPaused], result.Reasons);
    }

    [Fact]
    public void Evaluate_SequentialSampleRatioMismatch_Halts()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(92_000, 4600, 8_000, 600), Sequential);

        Assert.Equal(Decision.Halt, result.Decision);
        Assert.Equal([ReasonCode.SampleRatioMismatch], result.Reasons);
    }

    [Fact]
    public void Evaluate_AsWrittenSampleRatioMismatch_IgnoresItAndPromotes() =>
        Assert.Equal(Decision.Promote, DecisionEngine.Evaluate(Snapshots.Create(92_000, 4600, 8_000, 600), AsWritten).Decision);

    [Fact]
    public void Evaluate_SequentialStrongLift_Promotes()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(90_000, 4500, 10_000, 650), Sequential);

        Assert.Equal(Decision.Promote, result.Decision);
        Assert.Equal(ReasonCode.StagingBetterAndSignificant, result.Reasons[0]);
        Assert.True(result.PolicyPValue < 0.05 && result.PolicyPValue >= result.NaivePValue);
    }

    [Fact]
    public void Evaluate_SignificantAtOneLookOnly_AsWrittenPromotesButSequentialDoesNot()
    {
        // Naive p ≈ 0.03 at 10 000 units: enough for a single look, far from enough for continuous monitoring.
        var snapshot = Snapshots.Create(9000, 450, 1000, 66);

        var asWritten = DecisionEngine.Evaluate(snapshot, AsWritten);
        var sequential = DecisionEngine.Evaluate(snapshot, Sequential);

        Assert.Equal(Decision.Promote, asWritten.Decision);
        Assert.Equal(Decision.KeepTesting, sequential.Decision);
        Assert.Contains(ReasonCode.NotSignificant, sequential.Reasons);
    }

    [Fact]
    public void Evaluate_SequentialBelowMinimumUnits_WaitsAndKeepsInitialState()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(4500, 200, 500, 60), Sequential);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Contains(ReasonCode.WaitingForMinimumUnits, result.Reasons);
        Assert.Same(SequentialState.Initial, result.SequentialState);
        Assert.Equal(1.0, result.PolicyPValue);
    }

    [Fact]
    public void Evaluate_LiftOfFourPercentWithHugeSample_DoesNotPromote()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(9_000_000, 450_000, 1_000_000, 52_000), Sequential);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Equal([ReasonCode.LiftBelowMinimum], result.Reasons);
        Assert.Equal(CheckOutcome.Pass, result.Check(CheckKind.Significance)!.Outcome);
    }

    [Fact]
    public void Evaluate_SuccessiveLooks_CarryTheRunningMinimum()
    {
        var first = DecisionEngine.Evaluate(Snapshots.Create(45_000, 2250, 5_000, 320), Sequential);
        var second = DecisionEngine.Evaluate(Snapshots.Create(90_000, 4500, 10_000, 520), Sequential, first.SequentialState);

        Assert.Equal(2, second.SequentialState.Looks);
        Assert.Equal(Math.Min(first.PolicyPValue, second.Statistics!.Sequential.PInstant), second.PolicyPValue);
    }

    [Fact]
    public void Evaluate_MoreConversionsThanUnits_HaltsWithInvalidData()
    {
        var previous = new SequentialState(4, 0.2, null, null);

        var result = DecisionEngine.Evaluate(Snapshots.Create(900, 45, 100, 101), Sequential, previous);

        Assert.Equal(Decision.Halt, result.Decision);
        Assert.Equal([ReasonCode.InvalidData], result.Reasons);
        Assert.Same(previous, result.SequentialState);
    }

    [Fact]
    public void Evaluate_InvalidPolicy_HaltsWithInvalidPolicy() =>
        Assert.Equal([ReasonCode.InvalidPolicy], DecisionEngine.Evaluate(Snapshots.Create(900, 45, 100, 5), Sequential with { Alpha = 0 }).Reasons);

    [Fact]
    public void Evaluate_NoUnitsAtAll_KeepsTestingWithFiniteNumbers()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(0, 0, 0, 0), Sequential);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.True(double.IsFinite(result.NaivePValue) && double.IsFinite(result.PolicyPValue));
        Assert.All(result.Checks, check => Assert.True(check.Observed is null || double.IsFinite(check.Observed.Value)));
    }

    [Fact]
    public void Evaluate_ValueSums_AddsWelchTestOfContractValue()
    {
        var snapshot = new ExperimentSnapshot(
            new ArmSnapshot(9000, 450, 9000, 0, ValueSum: 450_000, ValueSumOfSquares: 9.0e8),
            new ArmSnapshot(1000, 60, 1000, 0, ValueSum: 60_000, ValueSumOfSquares: 1.2e8));

        var value = DecisionEngine.Evaluate(snapshot, Sequential).Statistics!.Value;

        Assert.NotNull(value);
        Assert.Equal(StatisticsError.None, value.Error);
        Assert.Equal(10, value.Difference, 1e-9);
    }

    [Fact]
    public void Evaluate_GrowthBookSignificance_UsesItsPValue()
    {
        var policy = Sequential with { Significance = SignificanceMethod.GrowthBookSequential };

        var result = DecisionEngine.Evaluate(Snapshots.Create(90_000, 4500, 10_000, 650), policy);

        Assert.Equal(result.Statistics!.GrowthBook!.PValue, result.PolicyPValue);
    }
}
