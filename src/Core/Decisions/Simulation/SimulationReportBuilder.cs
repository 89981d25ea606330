namespace Lotte.Core.Decisions.Simulation;

/// <summary>Turns the outcomes of all runs into a <see cref="SimulationReport"/>.</summary>
internal static class SimulationReportBuilder
{
    public static SimulationReport Build(SimulationSettings settings, RunOutcome[] outcomes)
    {
        double runs = outcomes.Length;
        double Rate(Func<RunOutcome, bool> predicate) => outcomes.Count(predicate) / runs;

        var promoteRate = Rate(o => o.Decision == Decision.Promote);
        var errorGuardRate = Rate(o => o.ByErrorGuard);
        var stagingNoBetter = settings.TrueRelativeLift <= 0;
        var stagingHealthy = settings.StagingErrorRate <= settings.Policy.MaxStagingErrorRate;

        return new SimulationReport(
            settings,
            outcomes.Length,
            promoteRate,
            Rate(o => o.Decision == Decision.Rollback),
            Rate(o => o.Decision == Decision.Halt),
            Rate(o => o.Decision == Decision.KeepTesting),
            errorGuardRate,
            Rate(o => o.Reason == ReasonCode.SampleRatioMismatch),
            Rate(o => o.EverSignificant),
            stagingNoBetter ? promoteRate : null,
            stagingNoBetter ? null : promoteRate,
            stagingHealthy ? errorGuardRate : null,
            stagingHealthy ? null : errorGuardRate,
            Timing(outcomes.Where(o => o.Decision != Decision.KeepTesting), settings.UnitsPerDay),
            Timing(outcomes.Where(o => o.Decision == Decision.Promote), settings.UnitsPerDay),
            Timing(outcomes.Where(o => o.ByErrorGuard), settings.UnitsPerDay));
    }

    private static DecisionTiming? Timing(IEnumerable<RunOutcome> decided, double unitsPerDay)
    {
        var units = decided.Select(o => (double)o.Units).Order().ToArray();
        if (units.Length == 0)
        {
            return null;
        }

        var requests = decided.Select(o => (double)o.StagingRequests).Order().ToArray();
        var medianUnits = Percentile.Of(units, 0.5);
        var p90Units = Percentile.Of(units, 0.9);
        return new DecisionTiming(
            units.Length, medianUnits, p90Units, medianUnits / unitsPerDay, p90Units / unitsPerDay, Percentile.Of(requests, 0.5));
    }
}
