namespace Lotte.Core.Statistics;

/// <summary>
/// Units needed per arm: <see cref="RawTreatment"/> is the real-valued solution, <see cref="Treatment"/> its ceiling,
/// <see cref="Control"/> = ⌈k·Treatment⌉ and <see cref="Total"/> their sum.
/// </summary>
public sealed record SampleSizeResult(
    double RawTreatment,
    long Treatment,
    long Control,
    long Total,
    SampleSizeMethod Method,
    StatisticsError Error);
