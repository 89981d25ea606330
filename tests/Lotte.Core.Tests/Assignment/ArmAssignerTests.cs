using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

public sealed class ArmAssignerTests
{
    private const string Seed = "listing-ranker-2025-q3";

    [Fact]
    public void Assign_SeparateInstances_AgreeOnEveryUnit()
    {
        // Two instances stand for two replicas, or one before and after a restart: nothing is shared.
        var first = new ArmAssigner();
        var second = new ArmAssigner();

        foreach (var unit in SampleUnitIds.Generate(5_000))
        {
            Assert.Equal(first.Assign(Seed, unit, StagingShare.Default), second.Assign(Seed, unit, StagingShare.Default));
        }
    }

    [Fact]
    public void Assign_HangulUnitId_MatchesItsBucket()
    {
        // Reference bucket of 고객-0001 under seed "lotte-exp" is 0.7991 (GrowthBook JavaScript SDK).
        var assigner = new ArmAssigner();

        Assert.Equal(Arm.Production, assigner.Assign("lotte-exp", "고객-0001", new StagingShare(0.2)));
        Assert.Equal(Arm.Staging, assigner.Assign("lotte-exp", "고객-0001", new StagingShare(0.21)));
    }

    [Fact]
    public void Assign_Rollback_SendsEveryUnitToProduction()
    {
        var assigner = new ArmAssigner();
        var units = SampleUnitIds.Generate(20_000);

        // Non-vacuous: at full share every one of these units is in Staging.
        Assert.All(units, unit => Assert.Equal(Arm.Staging, assigner.Assign(Seed, unit, new StagingShare(1))));
        Assert.All(units, unit => Assert.Equal(Arm.Production, assigner.Assign(Seed, unit, StagingShare.Rollback)));
    }

    [Fact]
    public void Assign_DifferentSeeds_AssignIndependently()
    {
        // Experiments must not reuse one split: a unit's arm in one says nothing of its arm in another.
        var assigner = new ArmAssigner();
        var half = new StagingShare(0.5);
        var units = SampleUnitIds.Generate(10_000);

        var agreeing = units.Count(unit => assigner.Assign("seed-a", unit, half) == assigner.Assign("seed-b", unit, half));

        Assert.InRange(agreeing / (double)units.Count, 0.47, 0.53);
    }

    [Theory]
    [InlineData("", "unit")]
    [InlineData("seed", "")]
    public void Assign_EmptySeedOrUnit_Throws(string seed, string unit)
    {
        Assert.Throws<ArgumentException>(() => new ArmAssigner().Assign(seed, unit, StagingShare.Default));
    }
}
