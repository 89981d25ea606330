using System.Text.Json;
using Lotte.Core.Decisions;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>Builds the library's input types from the cases' common input fields.</summary>
internal static class ReferenceInputs
{
    public static ProportionStatistic Treatment(JsonElement inputs) =>
        new(inputs.Long("n_treatment"), inputs.Long("conv_treatment"));

    public static ProportionStatistic Control(JsonElement inputs) =>
        new(inputs.Long("n_control"), inputs.Long("conv_control"));

    /// <summary>
    /// A snapshot for the decision engine. One request per exposed unit; Staging errors from
    /// <c>errors_treatment</c> when the case has them, none otherwise.
    /// </summary>
    public static ExperimentSnapshot Snapshot(JsonElement look, double stagingShare = 0.1)
    {
        var stagingErrors = look.Has("errors_treatment") ? look.Long("errors_treatment") : 0;
        var production = new ArmSnapshot(look.Long("n_control"), look.Long("conv_control"), look.Long("n_control"), 0);
        var staging = new ArmSnapshot(look.Long("n_treatment"), look.Long("conv_treatment"), look.Long("n_treatment"), stagingErrors);
        return new ExperimentSnapshot(production, staging, stagingShare);
    }

    /// <summary>
    /// The reference's mSPRT rule: ADR-008's thresholds and point-estimate error check, significance from the
    /// always-valid p with the unpooled variance, no minimum sample and no sample-ratio halt.
    /// </summary>
    public static DecisionPolicy ReferenceMsprtPolicy(double tau2, double alpha) => DecisionPolicy.Adr008AsWritten with
    {
        Significance = SignificanceMethod.MixtureSprt,
        SprtVariance = MixtureSprtVariance.Unpooled,
        Tau2 = tau2,
        Alpha = alpha,
    };
}
