namespace Lotte.Core.Ingestion;

/// <summary>
/// The attribution rule: a conversion counts for the arm of the unit's first exposure when it happened
/// at or after that exposure. A unit converts at most once for the rate; every contract adds to its value.
/// Anything else is unattributed: kept and counted apart, never in a rate.
/// </summary>
internal static class ConversionAttribution
{
    /// <summary>Applies the candidates to the locked units; returns the units' new state and the change in unattributed conversions.</summary>
    public static (Dictionary<string, UnitState> Updated, long UnattributedDelta) Apply(
        IReadOnlyDictionary<string, UnitState> units,
        IEnumerable<ConversionCandidate> candidates,
        ArmStatisticsDelta.Table deltas)
    {
        var updated = new Dictionary<string, UnitState>(StringComparer.Ordinal);
        long unattributed = 0;
        foreach (var conversion in candidates.OrderBy(c => c.OccurredAt))
        {
            var current = updated.GetValueOrDefault(conversion.PseudonymKey) ?? units.GetValueOrDefault(conversion.PseudonymKey);
            if (current is null || conversion.OccurredAt < current.FirstExposureAt)
            {
                unattributed += conversion.CountedAsUnattributed ? 0 : 1;
                continue;
            }

            unattributed -= conversion.CountedAsUnattributed ? 1 : 0;
            var delta = deltas.For(current.Arm, conversion.OccurredAt);
            var value = conversion.Value ?? 0m;
            if (current.FirstConversionAt is null)
            {
                delta.ConvertedUnits++;
            }

            // Per-unit value moments for Welch's test: the unit's total moves from v to v + x.
            var before = (double)current.ConversionValue;
            var after = (double)(current.ConversionValue + value);
            delta.ValueSum += value;
            delta.ValueSumOfSquares += (after * after) - (before * before);
            updated[conversion.PseudonymKey] = current with
            {
                FirstConversionAt = current.FirstConversionAt ?? conversion.OccurredAt,
                ConversionValue = current.ConversionValue + value,
            };
        }

        return (updated, unattributed);
    }
}
