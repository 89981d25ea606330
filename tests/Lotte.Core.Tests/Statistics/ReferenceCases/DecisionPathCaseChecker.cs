using Lotte.Core.Decisions;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section H <c>decision_path</c>: a whole 200-look run through the decision engine, once under ADR-008 as written
/// and once under the reference's mSPRT rule, with no stopping. The file states the tolerance in words
/// ("naive_z rel 1e-9; p values rel 1e-6 abs 1e-15; decisions exact"), so it is spelled out here.
/// </summary>
internal static class DecisionPathCaseChecker
{
    private static readonly Tolerance ZTolerance = new(1e-9, 0);
    private static readonly Tolerance PTolerance = new(1e-6, 1e-15);

    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var msprtPolicy = ReferenceInputs.ReferenceMsprtPolicy(c.Inputs.Double("tau2"), c.Inputs.Double("alpha"));
        var naivePolicy = DecisionPolicy.Adr008AsWritten with
        {
            Alpha = c.Inputs.Double("alpha"),
            MaxStagingErrorRate = c.Inputs.Double("error_threshold"),
        };
        msprtPolicy = msprtPolicy with { MaxStagingErrorRate = naivePolicy.MaxStagingErrorRate };

        var looks = c.Inputs.Field("looks").EnumerateArray().ToArray();
        var steps = c.Expected.Field("steps").EnumerateArray().ToArray();
        assert.Equal("steps", looks.Length, steps.Length);

        var naiveState = SequentialState.Initial;
        var msprtState = SequentialState.Initial;
        int? firstNaivePromote = null, firstMsprtPromote = null;
        for (var k = 0; k < Math.Min(looks.Length, steps.Length); k++)
        {
            var snapshot = ReferenceInputs.Snapshot(looks[k]);
            var naive = DecisionEngine.Evaluate(snapshot, naivePolicy, naiveState);
            var msprt = DecisionEngine.Evaluate(snapshot, msprtPolicy, msprtState);
            (naiveState, msprtState) = (naive.SequentialState, msprt.SequentialState);
            var step = steps[k];
            var at = $"look {k} ";

            assert.Close(at + "naive_z", naive.Statistics!.FixedHorizon.ZTest.Z, step.Double("naive_z"), ZTolerance);
            assert.Close(at + "naive_p_two_sided", naive.NaivePValue, step.Double("naive_p_two_sided"), PTolerance);
            var lift = RelativeLiftCondition.IsMet(snapshot.Staging.Conversion, snapshot.Production.Conversion, 0.05m);
            assert.Equal(at + "lift_condition_exact", lift, step.Bool("lift_condition_exact"));
            assert.Close(at + "msprt_p_always_valid", msprt.PolicyPValue, step.Double("msprt_p_always_valid"), PTolerance);
            assert.Equal(at + "decision_naive", Name(naive.Decision), step.Field("decision_naive").GetString());
            assert.Equal(at + "decision_msprt", Name(msprt.Decision), step.Field("decision_msprt").GetString());

            firstNaivePromote ??= naive.Decision == Decision.Promote ? k : null;
            firstMsprtPromote ??= msprt.Decision == Decision.Promote ? k : null;
        }

        assert.Equal("first_promote_look_naive", firstNaivePromote, ExpectedLook(c, "first_promote_look_naive"));
        assert.Equal("first_promote_look_msprt", firstMsprtPromote, ExpectedLook(c, "first_promote_look_msprt"));
    }

    private static int? ExpectedLook(ReferenceCase c, string field) =>
        c.Expected.IsNull(field) ? null : (int)c.Expected.Long(field);

    private static string Name(Decision decision) => decision switch
    {
        Decision.Promote => "PROMOTE",
        Decision.Rollback => "ROLLBACK",
        Decision.Halt => "HALT",
        _ => "KEEP_TESTING",
    };
}
