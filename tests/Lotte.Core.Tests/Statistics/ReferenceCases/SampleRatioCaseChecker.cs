using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section C: χ² goodness of fit of arm counts against the configured weights. The file's
/// <c>srm_detected_p_lt_0_001</c> is the bare p &lt; 0.001; the library also requires 8 units in every arm,
/// so the flag is expected only when both hold.
/// </summary>
internal static class SampleRatioCaseChecker
{
    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var observed = c.Inputs.Field("observed").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var weights = c.Inputs.Doubles("expected_weights");
        var result = SampleRatioMismatchTest.Compute(observed, weights);
        var e = c.Expected;

        var expectedCounts = e.Doubles("expected_counts");
        assert.Equal("arms", result.ExpectedCounts.Count, expectedCounts.Length);
        for (var i = 0; i < Math.Min(expectedCounts.Length, result.ExpectedCounts.Count); i++)
        {
            assert.Close("expected_counts", result.ExpectedCounts[i], expectedCounts[i]);
        }

        assert.Close("chi2", result.ChiSquare, e.Double("chi2"));
        assert.Equal("dof", result.DegreesOfFreedom, (int)e.Long("dof"));
        assert.Close("p", result.PValue, e.Double("p"));

        var flagExpected = e.Bool("srm_detected_p_lt_0_001") && observed.All(count => count >= 8);
        assert.Equal("srm flag (p < 0.001 and every arm >= 8 units)", result.IsMismatch, flagExpected);
    }
}
