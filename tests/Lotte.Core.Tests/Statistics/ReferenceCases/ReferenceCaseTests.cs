namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// The one data-driven harness: every case of every <c>*.json</c> file in the reference directory is its own test,
/// named by its id, dispatched by section (and kind) to a checker and compared within the file's tolerance.
/// </summary>
public sealed class ReferenceCaseTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases() =>
        ReferenceCaseLibrary.All.Select(c => new TheoryDataRow<string>(ReferenceCaseLibrary.KeyOf(c)).WithTestDisplayName($"Reference case {c.Id}"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceCase_ComputedByLibrary_MatchesWithinTolerance(string key)
    {
        var referenceCase = ReferenceCaseLibrary.Get(key);
        var assert = new CaseAssert(referenceCase);
        CheckerFor(referenceCase)(referenceCase, assert);
        assert.Verify();
    }

    [Fact]
    public void ReferenceDirectory_Default_HoldsEveryShippedSection()
    {
        var sections = ReferenceCaseLibrary.All.Select(c => c.Section).Distinct().Order().ToArray();
        Assert.NotEmpty(sections);
        if (Environment.GetEnvironmentVariable(ReferenceCaseLibrary.DirectoryVariable) is not { Length: > 0 })
        {
            Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H"], sections);
        }
    }

    private static Action<ReferenceCase, CaseAssert> CheckerFor(ReferenceCase c) => (c.Section, c.Kind) switch
    {
        ("A", _) => ZTestCaseChecker.Check,
        ("B", _) => ContingencyCaseChecker.Check,
        ("C", _) => SampleRatioCaseChecker.Check,
        ("D", _) => IntervalCaseChecker.Check,
        ("E", _) => SampleSizeCaseChecker.Check,
        ("F", _) => WelchCaseChecker.Check,
        ("G", "msprt_sequence") => SequentialCaseChecker.CheckMsprt,
        ("G", "growthbook_sequential") => SequentialCaseChecker.CheckGrowthBook,
        ("H", "decision_path") => DecisionPathCaseChecker.Check,
        ("H", "monte_carlo") => MonteCarloCaseChecker.Check,
        _ => (unknown, _) => Assert.Fail($"{unknown}: no checker for section {unknown.Section}, kind {unknown.Kind}."),
    };
}
