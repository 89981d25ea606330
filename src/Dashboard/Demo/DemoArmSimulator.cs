namespace Lotte.Dashboard.Demo;

/// <summary>
/// One demo experiment's simulated users: Poisson arrivals each second, an exposure per visit
/// (a few users come back) with the model's prediction score, an error instead of an exposure at the arm's error
/// rate, and a contract some seconds later with the arm's conversion probability.
/// </summary>
internal sealed class DemoArmSimulator(DemoScenario scenario, double unitsPerSecond, Random random)
{
    private const double ReturnVisitShare = 0.3;
    private readonly List<(string UnitId, string Arm)> _seen = [];
    private readonly List<(DateTimeOffset Due, string UnitId, long Value)> _pendingContracts = [];
    private long _nextUnit;
    private long _nextEvent;
    private bool _stopped;

    public string ExperimentKey => scenario.ExperimentKey;

    public void Stop() => _stopped = true;

    public string[] NewUnits()
    {
        if (_stopped)
        {
            return [];
        }

        var count = Poisson(unitsPerSecond);
        var run = Guid.NewGuid().ToString("N")[..6];
        return Enumerable.Range(0, count).Select(_ => $"demo-{run}-{_nextUnit++:D7}").ToArray();
    }

    public List<object> EventsFor(IReadOnlyList<(string UnitId, string Arm)> assigned, DateTimeOffset now, TimeSpan elapsed)
    {
        var events = new List<object>();
        var visits = assigned.Concat(ReturnVisits(assigned.Count)).ToList();
        foreach (var (unitId, arm) in visits)
        {
            var errorRate = arm == "staging" ? scenario.StagingErrorRate(elapsed) : scenario.ProductionErrorRate;
            if (random.NextDouble() < errorRate)
            {
                events.Add(new { eventId = NextId(), type = "error", unitId, arm, errorKind = "timeout", occurredAt = now });
                continue;
            }

            events.Add(new { eventId = NextId(), type = "exposure", unitId, arm, occurredAt = now, latencyMs = 20 + (random.NextDouble() * 60) });
            var power = arm == "staging" ? scenario.StagingScorePower(elapsed) : DemoScenario.ProductionScorePower;
            events.Add(new { eventId = NextId(), type = "prediction", unitId, arm, score = Math.Pow(random.NextDouble(), power), occurredAt = now });
        }

        foreach (var (unitId, arm) in assigned)
        {
            _seen.Add((unitId, arm));
            var conversion = arm == "staging" ? scenario.StagingConversion : scenario.ProductionConversion;
            if (random.NextDouble() < conversion)
            {
                var value = 200_000_000L + (long)(random.NextDouble() * 600_000_000);
                _pendingContracts.Add((now.AddSeconds(5 + (random.NextDouble() * 25)), unitId, value));
            }
        }

        foreach (var contract in _pendingContracts.Where(c => c.Due <= now).ToList())
        {
            events.Add(new { eventId = NextId(), type = "conversion", unitId = contract.UnitId, occurredAt = now, value = contract.Value });
            _pendingContracts.Remove(contract);
        }

        return events;
    }

    private IEnumerable<(string UnitId, string Arm)> ReturnVisits(int newVisits)
    {
        var count = _seen.Count == 0 ? 0 : (int)(newVisits * ReturnVisitShare);
        return Enumerable.Range(0, count).Select(_ => _seen[random.Next(_seen.Count)]);
    }

    private string NextId() => $"{scenario.ExperimentKey}-{Environment.ProcessId}-{_nextEvent++}";

    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
