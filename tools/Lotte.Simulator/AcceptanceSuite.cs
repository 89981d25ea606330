using Lotte.Core.Decisions.Simulation;

namespace Lotte.Simulator;

/// <summary>
/// The scenarios the acceptance criteria name, all on a 5 % baseline, 10 % Staging traffic, a look every 1 000 units
/// up to 200 000: A/A, a true +20 % lift, and Staging error rates of 0.5 %, 0.8 %, 1.5 % and 3 % (limit 1 %).
/// Other settings (policy, seed, runs) come from the command line.
/// </summary>
internal static class AcceptanceSuite
{
    public static IReadOnlyList<(string Name, SimulationSettings Settings)> Scenarios(SimulationSettings template) =>
    [
        ("A/A (false PROMOTE)", template with { TrueRelativeLift = 0, StagingErrorRate = 0 }),
        ("+20 % lift (power)", template with { TrueRelativeLift = 0.2, StagingErrorRate = 0 }),
        ("A/A, Staging errors 0.5 % (false ROLLBACK)", template with { TrueRelativeLift = 0, StagingErrorRate = 0.005 }),
        ("A/A, Staging errors 0.8 %", template with { TrueRelativeLift = 0, StagingErrorRate = 0.008 }),
        ("A/A, Staging errors 1.5 %", template with { TrueRelativeLift = 0, StagingErrorRate = 0.015 }),
        ("A/A, Staging errors 3 % (ROLLBACK)", template with { TrueRelativeLift = 0, StagingErrorRate = 0.03 }),
    ];
}
