namespace Lotte.Core.Assignment;

/// <summary>
/// The fraction of units an experiment sends to Staging, in [0, 1]. Zero is the rollback:
/// every unit is served by Production at once.
/// </summary>
public readonly record struct StagingShare
{
    /// <summary>The share a new experiment starts with unless its owner chooses another.</summary>
    public static readonly StagingShare Default = new(0.10);

    /// <summary>Everyone on Production, whatever was assigned before.</summary>
    public static readonly StagingShare Rollback = new(0);

    public StagingShare(double value)
    {
        // NaN fails both comparisons, so it is rejected here too.
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A staging share must lie in [0, 1].");
        }
        Value = value;
    }

    public double Value { get; }

    public bool IsRollback => Value == 0;

    public override string ToString() => Value.ToString("P2", System.Globalization.CultureInfo.InvariantCulture);
}
