using Lotte.Core.Decisions;
using Lotte.Core.Experiments;

namespace Lotte.Core.Tests.Experiments;

public class ExperimentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_Experiment_IsADraftWithTenPercentAndTheSequentialPolicy()
    {
        var experiment = Create();

        Assert.Equal(ExperimentStatus.Draft, experiment.Status);
        Assert.Equal(0.10, experiment.StagingShare);
        Assert.Equal(PolicyKind.Sequential, experiment.Policy.Kind);
        Assert.Equal(experiment.Key, experiment.HashSeed);
    }

    [Fact]
    public void RollBack_RunningExperiment_SetsShareToZeroAndFinishes()
    {
        var experiment = Running();

        experiment.RollBack(Now.AddHours(1));

        Assert.Equal(ExperimentStatus.RolledBack, experiment.Status);
        Assert.Equal(0, experiment.StagingShare);
        Assert.Equal(Now.AddHours(1), experiment.EndedAt);
    }

    [Fact]
    public void PromoteFlow_AwaitApprovalThenPromote_EndsPromoted()
    {
        var experiment = Running();

        experiment.AwaitApproval(Now.AddHours(1));
        experiment.Promote(Now.AddHours(2));

        Assert.Equal(ExperimentStatus.Promoted, experiment.Status);
        Assert.True(experiment.IsFinished);
    }

    [Fact]
    public void KeepTesting_AfterAwaitingApproval_RunsAgain()
    {
        var experiment = Running();
        experiment.AwaitApproval(Now);

        experiment.KeepTesting(Now.AddMinutes(5), Now.AddDays(1));

        Assert.Equal(ExperimentStatus.Running, experiment.Status);
        Assert.Null(experiment.AwaitingApprovalSince);
        Assert.Equal(Now.AddDays(1), experiment.PromotionHeldUntil);
    }

    [Fact]
    public void Transitions_FromAFinishedExperiment_AreRefused()
    {
        var experiment = Running();
        experiment.RollBack(Now);

        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.Promote(Now));
        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.Resume(Now));
        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.SetStagingShare(0.2, Now));
        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.Stop(Now));
    }

    [Fact]
    public void Start_Twice_IsRefused()
    {
        var experiment = Running();

        var error = Assert.Throws<InvalidExperimentTransitionException>(() => experiment.Start(Now));

        Assert.Equal(ExperimentStatus.Running, error.Status);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void SetStagingShare_OutsideZeroToOne_IsRefused(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().SetStagingShare(share, Now));

    [Fact]
    public void SetStagingShare_RampWhileRunning_WidensTheStickyBand()
    {
        var experiment = Create();
        experiment.SetStagingShare(0.01, Now);
        experiment.Start(Now);

        experiment.SetStagingShare(0.05, Now);
        experiment.SetStagingShare(0.10, Now);

        Assert.Equal(0.01, experiment.StagingShareLow);
        Assert.Equal(0.10, experiment.StagingShareHigh);
    }

    [Fact]
    public void GraduateToAbTest_RunningShadowTest_ServesTenPercentFromStaging()
    {
        var experiment = Shadow();
        experiment.Start(Now);

        experiment.GraduateToAbTest(Now.AddDays(2));

        Assert.Equal(ExperimentMode.AbTest, experiment.Mode);
        Assert.Equal(ExperimentStatus.Running, experiment.Status);
        Assert.Equal(0.10, experiment.StagingShare);
        Assert.Equal((0.10, 0.10), (experiment.StagingShareLow, experiment.StagingShareHigh));
        Assert.Equal(Now.AddDays(2), experiment.UpdatedAt);
    }

    [Fact]
    public void GraduateToAbTest_AnABTest_IsRefused() =>
        Assert.Throws<InvalidExperimentTransitionException>(() => Running().GraduateToAbTest(Now));

    [Fact]
    public void GraduateToAbTest_RolledBackShadowTest_IsRefused()
    {
        var experiment = Shadow();
        experiment.Start(Now);
        experiment.RollBack(Now);

        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.GraduateToAbTest(Now));
    }

    [Fact]
    public void Promote_ShadowTest_IsRefusedUntilItGraduates()
    {
        var experiment = Shadow();
        experiment.Start(Now);

        Assert.Throws<InvalidExperimentTransitionException>(() => experiment.Promote(Now));
        experiment.GraduateToAbTest(Now);
        experiment.Promote(Now);
        Assert.Equal(ExperimentStatus.Promoted, experiment.Status);
    }

    private static Experiment Shadow() => new("shadow", "Shadow", "undervaluation-score", "3", "4", "ml@lotte.test", Now) { Mode = ExperimentMode.Shadow };

    private static Experiment Create() => new("exp", "Experiment", "undervaluation-score", "3", "4", "ml@lotte.test", Now);

    private static Experiment Running()
    {
        var experiment = Create();
        experiment.Start(Now);
        return experiment;
    }
}
