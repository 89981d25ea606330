using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Sufficient statistics of one arm over one time bucket, maintained as events commit, so the
/// dashboard and the decision engine never scan raw events. Cumulative figures are sums over buckets.
/// </summary>
public sealed class ArmStatisticsBucket
{
    public Guid ExperimentId { get; set; }
    public Arm Arm { get; set; }
    public DateTimeOffset BucketStart { get; set; }

    /// <summary>Units whose first exposure fell in this bucket.</summary>
    public long ExposedUnits { get; set; }

    /// <summary>Units whose first attributed conversion fell in this bucket.</summary>
    public long ConvertedUnits { get; set; }

    public long Requests { get; set; }
    public long Errors { get; set; }
    public decimal ValueSum { get; set; }
    public double ValueSumOfSquares { get; set; }
}
