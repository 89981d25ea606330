namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// One "will this policy work?" scenario: the policy, the true state of the world, the traffic and the schedule of
/// looks. Units arrive in batches of <see cref="LookIntervalUnits"/>; each unit goes to Staging with probability
/// <see cref="StagingShare"/>; the policy is evaluated after every batch until it decides or the horizon is reached.
/// </summary>
public sealed record SimulationSettings
{
    public DecisionPolicy Policy { get; init; } = DecisionPolicy.SequentialRecommended;

    /// <summary>Production's true conversion rate.</summary>
    public double BaselineRate { get; init; } = 0.05;

    /// <summary>Staging's true relative lift: Staging converts at baseline × (1 + lift). 0 is an A/A test.</summary>
    public double TrueRelativeLift { get; init; }

    public double ProductionErrorRate { get; init; }

    public double StagingErrorRate { get; init; }

    /// <summary>Serving requests per exposed unit (each one can fail independently).</summary>
    public int RequestsPerUnit { get; init; } = 1;

    public double StagingShare { get; init; } = 0.1;

    /// <summary>Exposed units per day across both arms; converts units to days.</summary>
    public double UnitsPerDay { get; init; } = 10_000;

    public long LookIntervalUnits { get; init; } = 1_000;

    public long HorizonUnits { get; init; } = 200_000;

    public int Runs { get; init; } = 2_000;

    /// <summary>Master seed: the same settings and seed give the same report on any machine and thread count.</summary>
    public long Seed { get; init; } = 20240601;

    /// <summary>Threads to use; -1 uses every core. Does not change the result.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    public double StagingConversionRate => Math.Clamp(BaselineRate * (1 + TrueRelativeLift), 0, 1);

    /// <summary>Settings that make no sense, in plain words; empty when the scenario can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Policy.Validate());
        if (BaselineRate is < 0 or > 1 || StagingConversionRate is < 0 or > 1)
        {
            problems.Add("Conversion rates must be between 0 and 1.");
        }

        if (ProductionErrorRate is < 0 or > 1 || StagingErrorRate is < 0 or > 1)
        {
            problems.Add("Error rates must be between 0 and 1.");
        }

        if (StagingShare is <= 0 or >= 1)
        {
            problems.Add("StagingShare must be between 0 and 1.");
        }

        if (RequestsPerUnit < 1 || LookIntervalUnits < 1 || HorizonUnits < LookIntervalUnits || Runs < 1 || !(UnitsPerDay > 0))
        {
            problems.Add("Counts must be positive and the horizon at least one look.");
        }

        return problems;
    }
}
