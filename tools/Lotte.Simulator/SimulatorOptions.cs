using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;
using Lotte.Core.Statistics;

namespace Lotte.Simulator;

/// <summary>
/// Parses <c>--name value</c> pairs into simulation settings. Policy options start from the chosen preset
/// (<c>--policy sequential</c>, the default, or <c>--policy adr008</c>) and override single settings.
/// </summary>
internal sealed class SimulatorOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    private SimulatorOptions()
    {
    }

    public string? Suite => Get("suite");

    public static SimulatorOptions Parse(string[] args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            options.values[args[i][2..]] = args[++i];
        }

        return options;
    }

    public DecisionPolicy Policy()
    {
        var policy = Get("policy") switch
        {
            null or "sequential" => DecisionPolicy.SequentialRecommended,
            "adr008" => DecisionPolicy.Adr008AsWritten,
            var other => throw new ArgumentException($"Unknown policy '{other}' (sequential | adr008)."),
        };
        return policy with
        {
            Alpha = Number("alpha", policy.Alpha),
            MinRelativeLift = Number("min-lift", policy.MinRelativeLift),
            MaxStagingErrorRate = Number("max-error", policy.MaxStagingErrorRate),
            Tau2 = Number("tau2", policy.Tau2),
            SprtVariance = Get("variance") is { } variance ? Enum.Parse<MixtureSprtVariance>(variance, ignoreCase: true) : policy.SprtVariance,
            MinUnitsPerArm = (long)Number("min-units", policy.MinUnitsPerArm),
            MinRequestsForErrorGuard = (long)Number("min-requests", policy.MinRequestsForErrorGuard),
            ErrorGuardConfidence = Get("guard-confidence") switch
            {
                null => policy.ErrorGuardConfidence,
                "none" => null,
                var text => double.Parse(text, CultureInfo.InvariantCulture),
            },
            ErrorGuardAction = Get("guard-action") is { } action ? Enum.Parse<ErrorGuardAction>(action, ignoreCase: true) : policy.ErrorGuardAction,
            HaltOnSampleRatioMismatch = Get("srm") is { } srm ? srm == "on" : policy.HaltOnSampleRatioMismatch,
        };
    }

    public SimulationSettings Settings(DecisionPolicy policy)
    {
        var defaults = new SimulationSettings();
        return new SimulationSettings
        {
            Policy = policy,
            BaselineRate = Number("baseline", defaults.BaselineRate),
            TrueRelativeLift = Number("lift", defaults.TrueRelativeLift),
            StagingErrorRate = Number("staging-error", defaults.StagingErrorRate),
            ProductionErrorRate = Number("production-error", defaults.ProductionErrorRate),
            RequestsPerUnit = (int)Number("requests-per-unit", defaults.RequestsPerUnit),
            StagingShare = Number("share", defaults.StagingShare),
            UnitsPerDay = Number("units-per-day", defaults.UnitsPerDay),
            LookIntervalUnits = (long)Number("look", defaults.LookIntervalUnits),
            HorizonUnits = (long)Number("horizon", defaults.HorizonUnits),
            Runs = (int)Number("runs", defaults.Runs),
            Seed = (long)Number("seed", defaults.Seed),
        };
    }

    private string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    private double Number(string name, double fallback) =>
        Get(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
