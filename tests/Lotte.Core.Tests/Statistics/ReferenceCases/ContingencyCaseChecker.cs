using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section B: Pearson and Yates χ², expected counts, Fisher's exact test and the sample odds ratio.
/// Zero-margin tables expect the p = 1 convention and <see cref="StatisticsError.ZeroMargin"/>.
/// </summary>
internal static class ContingencyCaseChecker
{
    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var cells = c.Inputs.Field("table").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
        var table = new TwoByTwoTable(cells[0][0], cells[0][1], cells[1][0], cells[1][1]);
        var e = c.Expected;
        var chi = ContingencyChiSquare.Compute(table);

        if (e.IsNull("chi2_pearson"))
        {
            assert.Equal("chi2_error", chi.Error, StatisticsError.ZeroMargin);
            assert.Close("p_pearson", chi.PearsonP, e.Double("p_pearson_convention"));
            assert.Close("p_yates", chi.YatesP, e.Double("p_yates_convention"));
        }
        else
        {
            assert.Equal("error", chi.Error, StatisticsError.None);
            assert.Close("chi2_pearson", chi.PearsonChiSquare, e.Double("chi2_pearson"));
            assert.Close("p_pearson", chi.PearsonP, e.Double("p_pearson"));
            assert.Close("chi2_yates", chi.YatesChiSquare, e.Double("chi2_yates"));
            assert.Close("p_yates", chi.YatesP, e.Double("p_yates"));
            assert.Equal("dof", chi.DegreesOfFreedom, (int)e.Long("dof"));
        }

        if (e.Has("expected_frequencies") && !e.IsNull("expected_frequencies"))
        {
            var expected = e.Field("expected_frequencies").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            for (var row = 0; row < 2; row++)
            {
                for (var column = 0; column < 2; column++)
                {
                    assert.Close("expected_frequencies", chi.ExpectedFrequencies[row][column], expected[row][column]);
                }
            }
        }

        if (!e.Has("fisher_p_two_sided"))
        {
            return;
        }

        var fisher = FisherExactTest.Compute(table);
        assert.Close("fisher_p_two_sided", fisher.PTwoSided, e.Double("fisher_p_two_sided"));
        assert.Close("fisher_p_greater", fisher.PGreater, e.Double("fisher_p_greater"));
        assert.Close("fisher_p_less", fisher.PLess, e.Double("fisher_p_less"));
        assert.Close("sample_odds_ratio", fisher.SampleOddsRatio, e.Field("sample_odds_ratio"));
    }
}
