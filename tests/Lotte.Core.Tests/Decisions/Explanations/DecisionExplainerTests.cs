using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Explanations;

namespace Lotte.Core.Tests.Decisions.Explanations;

public sealed class DecisionExplainerTests
{
    [Fact]
    public void Explain_SequentialPromote_StatesRatesLiftIntervalAndAlwaysValidP()
    {
        var explanation = ExplainDecision(Snapshots.Create(90_000, 4500, 10_000, 650), DecisionPolicy.SequentialRecommended);

        Assert.StartsWith("PROMOTE: Staging converts 6.5% vs Production 5.0% (+30%, 95% confidence interval +", explanation.English);
        Assert.Contains("always-valid p < 0.0001, below 0.05). Staging may replace Production.", explanation.English);
        Assert.StartsWith("승격: 스테이징 모델 (Staging)의 계약 체결율 (전환율)은 6.5%", explanation.Korean);
        Assert.Contains("통계적으로 유의함", explanation.Korean);
    }

    [Fact]
    public void Explain_AsWrittenRollback_NamesErrorsRequestsAndAction()
    {
        var explanation = ExplainDecision(Snapshots.Create(900, 45, 100, 5, stagingErrors: 2), DecisionPolicy.Adr008AsWritten);

        Assert.Contains("ROLLBACK", explanation.English);
        Assert.Contains("error rate is 2.0% (2 errors in 100 requests), above the 1.0% limit", explanation.English);
        Assert.Contains("롤백", explanation.Korean);
        Assert.Contains("오류율", explanation.Korean);
    }

    [Fact]
    public void Explain_SampleRatioMismatch_SaysWhyTheDataCannotBeTrusted()
    {
        var explanation = ExplainDecision(Snapshots.Create(92_000, 4600, 8_000, 600), DecisionPolicy.SequentialRecommended);

        Assert.Contains("HALT", explanation.English);
        Assert.Contains("received 8.0% of the units but should receive 10.0%", explanation.English);
        Assert.Contains("표본 비율 불일치 (SRM)", explanation.Korean);
    }

    [Fact]
    public void Explain_KeepTestingEarly_ExplainsTheWait()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(4500, 200, 500, 30), DecisionPolicy.SequentialRecommended);

        var english = DecisionExplainer.Explain(result, CultureInfo.GetCultureInfo("en"));

        Assert.StartsWith("KEEP TESTING:", english);
        Assert.Contains("at least 1,000 units before a PROMOTE; the smaller arm has 500", english);
    }

    [Fact]
    public void Explain_NoData_HasNoNaN()
    {
        var explanation = ExplainDecision(Snapshots.Create(0, 0, 0, 0), DecisionPolicy.SequentialRecommended);

        Assert.DoesNotContain("NaN", explanation.English + explanation.Korean, StringComparison.Ordinal);
        Assert.Contains("테스트 계속", explanation.Korean);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void ResourceText_EveryReasonAndDecision_HasATextInBothLanguages(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var keys = Enum.GetNames<ReasonCode>().Where(key => key != nameof(ReasonCode.NotSignificant))
            .Concat(Enum.GetNames<Decision>().Select(name => $"Decision_{name}"));

        foreach (var key in keys)
        {
            var text = ExplanationText.Get(key, culture);
            Assert.NotEqual(key, text);
            Assert.Equal(language == "ko", text.Any(c => c is >= '\uAC00' and <= '\uD7A3'));
        }
    }

    private static DecisionExplanation ExplainDecision(ExperimentSnapshot snapshot, DecisionPolicy policy) =>
        DecisionExplainer.Explain(DecisionEngine.Evaluate(snapshot, policy));
}
