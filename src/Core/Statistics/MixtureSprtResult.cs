namespace Lotte.Core.Statistics;

/// <summary>
/// One look of the mixture SPRT. <see cref="PInstant"/> = min(1, 1/Λ) at this look only;
/// <see cref="PAlwaysValid"/> is the running minimum and is the one to compare with α at any look.
/// <see cref="CiHalfWidth"/> is this look's interval; <see cref="CsLower"/>/<see cref="CsUpper"/> the running
/// intersection. Null bounds mean unbounded (no usable look yet). <see cref="State"/> goes to the next look.
/// </summary>
public sealed record MixtureSprtResult(
    double ThetaHat,
    double Variance,
    double LogLambda,
    double PInstant,
    double PAlwaysValid,
    double? CiHalfWidth,
    double? CsLower,
    double? CsUpper,
    bool IsDegenerate,
    SequentialState State,
    StatisticsError Error);
