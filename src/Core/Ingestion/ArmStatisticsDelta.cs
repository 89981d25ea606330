using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>Increments of one arm's statistics in one time bucket, accumulated for a batch before one upsert.</summary>
internal sealed class ArmStatisticsDelta
{
    public long ExposedUnits { get; set; }
    public long ConvertedUnits { get; set; }
    public long Requests { get; set; }
    public long Errors { get; set; }
    public decimal ValueSum { get; set; }
    public double ValueSumOfSquares { get; set; }

    /// <summary>Deltas keyed by arm and bucket, in a fixed order so concurrent batches lock rows alike.</summary>
    public sealed class Table
    {
        private readonly SortedDictionary<(Arm Arm, DateTimeOffset Bucket), ArmStatisticsDelta> _deltas = [];

        public IEnumerable<KeyValuePair<(Arm Arm, DateTimeOffset Bucket), ArmStatisticsDelta>> Rows => _deltas;

        public ArmStatisticsDelta For(Arm arm, DateTimeOffset at)
        {
            var key = (arm, StatisticsBucket.Of(at));
            if (!_deltas.TryGetValue(key, out var delta))
            {
                delta = new ArmStatisticsDelta();
                _deltas[key] = delta;
            }

            return delta;
        }
    }
}
