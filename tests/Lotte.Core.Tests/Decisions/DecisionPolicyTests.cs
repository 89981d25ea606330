using Lotte.Core.Decisions;

namespace Lotte.Core.Tests.Decisions;

public sealed class DecisionPolicyTests
{
    [Fact]
    public void Default_ForNewExperiments_IsTheSequentialPolicy() =>
        Assert.Equal(PolicyKind.Sequential, DecisionPolicy.Default.Kind);

    [Fact]
    public void Presets_ShareTheAdr008Thresholds()
    {
        var asWritten = DecisionPolicy.Adr008AsWritten;
        var sequential = DecisionPolicy.SequentialRecommended;

        Assert.Equal((0.01, 0.05, 0.05), (asWritten.MaxStagingErrorRate, asWritten.MinRelativeLift, asWritten.Alpha));
        Assert.Equal((0.01, 0.05, 0.05), (sequential.MaxStagingErrorRate, sequential.MinRelativeLift, sequential.Alpha));
    }

    [Fact]
    public void Adr008AsWritten_HasNoSafeguards()
    {
        var policy = DecisionPolicy.Adr008AsWritten;

        Assert.Equal(SignificanceMethod.FixedHorizon, policy.Significance);
        Assert.Equal((0L, 0L, (double?)null, false), (policy.MinUnitsPerArm, policy.MinRequestsForErrorGuard, policy.ErrorGuardConfidence, policy.HaltOnSampleRatioMismatch));
    }

    [Fact]
    public void Validate_Presets_AreValid()
    {
        Assert.Empty(DecisionPolicy.Adr008AsWritten.Validate());
        Assert.Empty(DecisionPolicy.SequentialRecommended.Validate());
    }

    [Fact]
    public void Validate_OutOfRangeSettings_ListsEachProblem()
    {
        var policy = DecisionPolicy.SequentialRecommended with { Alpha = 1.5, Tau2 = -1, ErrorGuardConfidence = 0.3 };

        Assert.Equal(3, policy.Validate().Count);
    }
}
