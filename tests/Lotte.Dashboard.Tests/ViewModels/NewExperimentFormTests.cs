using Lotte.Core.Decisions;
using Lotte.Dashboard.ViewModels;

namespace Lotte.Dashboard.Tests.ViewModels;

public class NewExperimentFormTests
{
    [Fact]
    public void Policy_Defaults_DriftOnlyWarns()
    {
        var policy = new NewExperimentForm().Policy;

        Assert.Equal(DriftPolicy.Default, policy.Drift);
    }

    [Fact]
    public void Policy_DriftSettings_AreCarriedIntoThePolicyAndValidated()
    {
        var form = new NewExperimentForm { PsiWarn = 0.2, PsiAlert = 0.4, RollBackOnDrift = true };

        Assert.Equal((0.2, 0.4, true), (form.Policy.Drift.PsiWarn, form.Policy.Drift.PsiAlert, form.Policy.Drift.RollBackOnDrift));
        Assert.Empty(form.Policy.Validate());
        Assert.Contains("Drift: PsiWarn must be positive and PsiAlert at least PsiWarn.", new NewExperimentForm { PsiWarn = 0.5, PsiAlert = 0.3 }.Policy.Validate());
    }
}
