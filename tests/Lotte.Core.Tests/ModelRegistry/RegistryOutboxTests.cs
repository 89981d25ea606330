using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Outbox;

namespace Lotte.Core.Tests.ModelRegistry;

public sealed class RegistryOutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChangeFor_JustPromoted_PromotesStagingOverTheProductionVersion()
    {
        var experiment = Running();
        experiment.Promote(Now);

        var change = RegistryOutbox.ChangeFor(experiment, ExperimentStatus.Running, "decision.approved by kim", Now);

        Assert.NotNull(change);
        Assert.Equal(new RegistryMove(RegistryMoveKind.Promote, "undervaluation-score", "4", "3", "exp", "decision.approved by kim"), change.ToMove());
        Assert.Equal((RegistryChangeStatus.Pending, Now, experiment.Id), (change.Status, change.NextAttemptAt, change.ExperimentId));
    }

    [Fact]
    public void ChangeFor_JustRolledBack_RollsStagingBack()
    {
        var experiment = Running();
        experiment.RollBack(Now);

        var change = RegistryOutbox.ChangeFor(experiment, ExperimentStatus.Running, RegistryOutbox.AutomaticApproval, Now);

        Assert.Equal(RegistryMoveKind.RollBack, change!.Kind);
        Assert.Equal(("4", "automatic"), (change.Version, change.ApprovalReference));
    }

    [Theory]
    [InlineData(ExperimentStatus.Paused)]
    [InlineData(ExperimentStatus.AwaitingApproval)]
    [InlineData(ExperimentStatus.Stopped)]
    public void ChangeFor_OtherTransitions_AsksNothingOfTheRegistry(ExperimentStatus target)
    {
        var experiment = Running();
        switch (target)
        {
            case ExperimentStatus.Paused: experiment.Pause(Now); break;
            case ExperimentStatus.AwaitingApproval: experiment.AwaitApproval(Now); break;
            default: experiment.Stop(Now); break;
        }

        Assert.Null(RegistryOutbox.ChangeFor(experiment, ExperimentStatus.Running, "x", Now));
    }

    [Fact]
    public void ChangeFor_AlreadyPromotedBefore_IsNotEnqueuedAgain()
    {
        var experiment = Running();
        experiment.Promote(Now);

        Assert.Null(RegistryOutbox.ChangeFor(experiment, ExperimentStatus.Promoted, "x", Now));
    }

    [Fact]
    public void ChangeFor_LongApprovalReference_IsCutToTheColumn()
    {
        var experiment = Running();
        experiment.Promote(Now);

        var change = RegistryOutbox.ChangeFor(experiment, ExperimentStatus.Running, new string('a', 900), Now);

        Assert.Equal(RegistryOutbox.MaxReferenceLength, change!.ApprovalReference.Length);
    }

    [Fact]
    public void RetryDelay_DoublesFromTheFirstDelayUpToTheCap()
    {
        var options = new RegistryOutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(60) };
        var random = new Random(7);

        var delays = Enumerable.Range(1, 8).Select(attempt => options.RetryDelay(attempt, random).TotalSeconds).ToList();

        double[] nominal = [2, 4, 8, 16, 32, 60, 60, 60];
        for (var i = 0; i < nominal.Length; i++)
        {
            Assert.InRange(delays[i], nominal[i] * 0.8, nominal[i] * 1.2);
        }
    }

    private static Experiment Running()
    {
        var experiment = new Experiment("exp", "Experiment", "undervaluation-score", "3", "4", "ml", Now);
        experiment.Start(Now);
        return experiment;
    }
}
