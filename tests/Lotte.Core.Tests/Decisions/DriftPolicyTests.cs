using Lotte.Core.Decisions;
using Lotte.Core.Persistence;
using Lotte.Core.Statistics;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Decisions;

public sealed class DriftPolicyTests
{
    private static readonly DriftPolicy Policy = DriftPolicy.Default;

    [Fact]
    public void Judge_FewerScoresThanTheMinimum_IsNotEvaluated() =>
        Assert.Equal(DriftLevel.NotEvaluated, Policy.Judge(Comparison(reference: 5_000, current: 499, psi: 3)));

    [Theory]
    [InlineData(0.25, DriftLevel.Alert)]
    [InlineData(0.2499, DriftLevel.Warning)]
    [InlineData(0.1, DriftLevel.Warning)]
    [InlineData(0.0999, DriftLevel.None)]
    public void Judge_Psi_ComparesWithTheWarnAndAlertLevels(double psi, DriftLevel expected) =>
        Assert.Equal(expected, Policy.Judge(Comparison(5_000, 5_000, psi)));

    [Fact]
    public void Judge_SmallSampleWithSignificantKs_Warns() =>
        Assert.Equal(DriftLevel.Warning, Policy.Judge(Comparison(5_000, 800, psi: 0.02, ksP: 0.01, normedW: 0.01)));

    [Fact]
    public void Judge_LargeSampleWithSignificantKsButSmallWasserstein_DoesNotWarn() =>
        Assert.Equal(DriftLevel.None, Policy.Judge(Comparison(50_000, 50_000, psi: 0.02, ksP: 1e-9, normedW: 0.05)));

    [Fact]
    public void Judge_LargeSampleWithNormedWassersteinAtTheThreshold_Warns() =>
        Assert.Equal(DriftLevel.Warning, Policy.Judge(Comparison(50_000, 50_000, psi: 0.02, ksP: 1e-9, normedW: 0.1)));

    [Fact]
    public void Validate_BadDriftSettings_AreNamedLikeThePolicysOthers()
    {
        var policy = DecisionPolicy.Default with { Drift = new DriftPolicy { PsiWarn = 0.3, PsiAlert = 0.2, Bins = 1, KsAlpha = 2 } };

        var problems = policy.Validate();

        Assert.Contains("Drift: PsiWarn must be positive and PsiAlert at least PsiWarn.", problems);
        Assert.Contains("Drift: Bins must be 2 to 1000 and ScoreMax above ScoreMin.", problems);
        Assert.Contains("Drift: KsAlpha must be between 0 and 1.", problems);
        Assert.Empty(DecisionPolicy.Default.Validate());
    }

    [Fact]
    public void PolicyJson_StoredBeforeDriftExisted_ReadsTheDriftDefaults()
    {
        var stored = PolicyJson.Converter.ConvertToProviderExpression.Compile()(DecisionPolicy.Default with { Alpha = 0.01 })
            .Replace(",\"drift\":", ",\"ignored\":", StringComparison.Ordinal);

        var policy = PolicyJson.Converter.ConvertFromProviderExpression.Compile()(stored);

        Assert.Equal(0.01, policy.Alpha);
        Assert.Equal(DriftPolicy.Default, policy.Drift);
        Assert.False(policy.Drift.RollBackOnDrift);
    }

    [Fact]
    public void PolicyJson_RollBackOnDrift_RoundTrips()
    {
        var policy = DecisionPolicy.Default with { Drift = DriftPolicy.Default with { RollBackOnDrift = true, PsiAlert = 0.3 } };

        var read = PolicyJson.Converter.ConvertFromProviderExpression.Compile()(PolicyJson.Converter.ConvertToProviderExpression.Compile()(policy));

        Assert.Equal(policy, read);
    }

    private static ScoreDriftComparison Comparison(long reference, long current, double psi, double ksP = 0.5, double normedW = 0.01) =>
        new(reference, current, psi, 0.05, ksP, normedW / 10, normedW, StatisticsError.None);
}
