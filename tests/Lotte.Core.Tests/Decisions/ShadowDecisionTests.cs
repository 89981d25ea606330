using Lotte.Core.Decisions;

namespace Lotte.Core.Tests.Decisions;

/// <summary>A shadow test judges Staging's errors only: it may roll back, never promote.</summary>
public sealed class ShadowDecisionTests
{
    [Fact]
    public void EvaluateShadow_ErrorsAboveTheLimit_RollsBack()
    {
        var shadow = Snapshots.Create(10_000, 500, 0, 0, stagingRequests: 5_000, stagingErrors: 200);

        var result = DecisionEngine.EvaluateShadow(shadow, DecisionPolicy.SequentialRecommended);

        Assert.Equal(Decision.Rollback, result.Decision);
        Assert.Equal([ReasonCode.ErrorRateAboveLimit], result.Reasons);
        Assert.Equal(CheckOutcome.Fail, result.Check(CheckKind.StagingErrorRate)!.Outcome);
    }

    [Fact]
    public void EvaluateShadow_ErrorsWithinTheLimit_KeepsTestingAndSaysWhy()
    {
        var shadow = Snapshots.Create(10_000, 500, 0, 0, stagingRequests: 5_000, stagingErrors: 10);

        var result = DecisionEngine.EvaluateShadow(shadow, DecisionPolicy.SequentialRecommended);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Equal([ReasonCode.ShadowValidatesErrorsOnly], result.Reasons);
        Assert.Equal(CheckOutcome.Pass, result.Check(CheckKind.StagingErrorRate)!.Outcome);
        Assert.Single(result.Checks);
    }

    [Fact]
    public void EvaluateShadow_ConversionsThatWouldPromoteAnABTest_StillDoNotPromote()
    {
        var clearlyBetter = Snapshots.Create(100_000, 5_000, 100_000, 7_000, stagingErrors: 0, stagingShare: 0.5);
        Assert.Equal(Decision.Promote, DecisionEngine.Evaluate(clearlyBetter, DecisionPolicy.Adr008AsWritten).Decision);

        var result = DecisionEngine.EvaluateShadow(clearlyBetter, DecisionPolicy.Adr008AsWritten);

        Assert.Equal(Decision.KeepTesting, result.Decision);
    }

    [Fact]
    public void EvaluateShadow_TooFewRequests_WaitsForTheErrorGuard()
    {
        var shadow = Snapshots.Create(1_000, 50, 0, 0, stagingRequests: 50, stagingErrors: 5);

        var result = DecisionEngine.EvaluateShadow(shadow, DecisionPolicy.SequentialRecommended);

        Assert.Equal(Decision.KeepTesting, result.Decision);
        Assert.Contains(ReasonCode.ErrorGuardWaitingForRequests, result.Reasons);
    }

    [Fact]
    public void EvaluateShadow_PausingPolicy_HaltsInsteadOfRollingBack()
    {
        var pausing = DecisionPolicy.SequentialRecommended with { ErrorGuardAction = ErrorGuardAction.Pause };
        var shadow = Snapshots.Create(10_000, 500, 0, 0, stagingRequests: 5_000, stagingErrors: 200);

        var result = DecisionEngine.EvaluateShadow(shadow, pausing);

        Assert.Equal(Decision.Halt, result.Decision);
        Assert.Equal([ReasonCode.ErrorRateAboveLimitPaused], result.Reasons);
    }
}
