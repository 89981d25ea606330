using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lotte.Core.Assignment;
using Lotte.Core.Decisions;

namespace Lotte.Core.Monitoring;

/// <summary>
/// Observable instruments over the cached <see cref="OperationsSnapshot"/>, exported at /metrics: per experiment and arm
/// the cumulative units, conversions, requests and errors; per experiment the live decision, its p-values, the policy's
/// thresholds, the ingestion lag and the age of a decision awaiting approval; the registry outbox's backlog by status.
/// A scrape reads the snapshot only: it never queries PostgreSQL. Every replica reports the same database-wide
/// values, so alert rules take <c>max by (…)</c> over replicas.
/// </summary>
public sealed class OperationsMetrics : IDisposable
{
    public const string MeterName = "Lotte.Operations";

    private static readonly Decision[] Decisions = Enum.GetValues<Decision>();
    private readonly Meter _meter;
    private readonly OperationsSnapshotRefresher _snapshots;
    private readonly TimeProvider _time;

    public OperationsMetrics(IMeterFactory meterFactory, OperationsSnapshotRefresher snapshots, TimeProvider time)
    {
        _snapshots = snapshots;
        _time = time;
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableCounter("lotte.experiment.exposed_units", () => PerArm(a => a.ExposedUnits), "{unit}",
            "Units exposed (first exposure), by experiment and arm");
        _meter.CreateObservableCounter("lotte.experiment.converted_units", () => PerArm(a => a.ConvertedUnits), "{unit}",
            "Exposed units that converted (attributed contracts), by experiment and arm");
        _meter.CreateObservableCounter("lotte.experiment.requests", () => PerArm(a => a.Requests), "{request}",
            "Serving requests (exposures and errors), by experiment and arm");
        _meter.CreateObservableCounter("lotte.experiment.errors", () => PerArm(a => a.Errors), "{error}",
            "Serving errors, by experiment and arm");
        _meter.CreateObservableGauge("lotte.experiment.decision", DecisionGauge,
            description: "1 for the live decision of the experiment (PROMOTE, ROLLBACK, KEEP_TESTING, HALT), 0 for the others");
        _meter.CreateObservableGauge("lotte.experiment.policy_p_value", () => PerExperiment(e => e.PolicyPValue),
            description: "The p-value the experiment's policy compares with its alpha");
        _meter.CreateObservableGauge("lotte.experiment.sample_ratio_p_value", () => PerExperiment(e => e.SampleRatioPValue),
            description: "Sample-ratio mismatch p-value (chi-squared against the configured split), once each arm has enough units");
        _meter.CreateObservableGauge("lotte.experiment.sample_ratio_alpha", () => PerExperiment(e => e.SampleRatioAlpha),
            description: "The policy's sample-ratio mismatch threshold: a p-value below it is a mismatch");
        _meter.CreateObservableGauge("lotte.experiment.max_staging_error_rate", () => PerExperiment(e => e.MaxStagingErrorRate),
            description: "The policy's Staging error-rate limit (0.01 = 1 %)");
        _meter.CreateObservableGauge("lotte.ingestion.lag", () => PerExperiment(e => e.IngestionLagSeconds(_time.GetUtcNow())), "s",
            "Seconds since the last ingested batch that stored new events of a running experiment (since its start when none came yet)");
        _meter.CreateObservableGauge("lotte.decision.awaiting_approval_age", ApprovalAge, "s",
            "Seconds since a PROMOTE began waiting for a lead's approval");
        _meter.CreateObservableGauge("lotte.registry_outbox.entries", () => Outbox(o => o.Entries), "{entry}",
            "Registry outbox entries not applied yet, by model and status (pending, failed)");
        _meter.CreateObservableGauge("lotte.registry_outbox.retrying_entries", () => Outbox(o => o.Retrying), "{entry}",
            "Registry outbox entries whose delivery already failed at least once, by model and status");
        _meter.CreateObservableGauge("lotte.monitoring.snapshot_age", SnapshotAge, "s",
            "Seconds since the snapshot behind these metrics was read from PostgreSQL");
    }

    /// <summary>The label value of a decision, as the engine and the UI name it.</summary>
    public static string DecisionLabel(Decision decision) => decision switch
    {
        Decision.Promote => "PROMOTE",
        Decision.Rollback => "ROLLBACK",
        Decision.Halt => "HALT",
        _ => "KEEP_TESTING",
    };

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> PerArm(Func<ArmSnapshot, long> value) =>
        _snapshots.Current.Experiments.SelectMany(e => new[]
        {
            new Measurement<long>(value(e.Production), ArmTags(e, Arm.Production)),
            new Measurement<long>(value(e.Staging), ArmTags(e, Arm.Staging)),
        });

    private IEnumerable<Measurement<double>> PerExperiment(Func<ExperimentGauges, double?> value) =>
        _snapshots.Current.Experiments
            .Select(e => (Experiment: e, Value: value(e)))
            .Where(x => x.Value is not null)
            .Select(x => new Measurement<double>(x.Value!.Value, Tags(x.Experiment)));

    private IEnumerable<Measurement<int>> DecisionGauge() =>
        _snapshots.Current.Experiments.SelectMany(e => Decisions.Select(d =>
        {
            var tags = Tags(e);
            tags.Add("decision", DecisionLabel(d));
            return new Measurement<int>(d == e.Decision ? 1 : 0, tags);
        }));

    private IEnumerable<Measurement<double>> ApprovalAge()
    {
        var now = _time.GetUtcNow();
        return _snapshots.Current.Experiments
            .Where(e => e.AwaitingApprovalSince is not null)
            .Select(e => new Measurement<double>(Math.Max(0, (now - e.AwaitingApprovalSince!.Value).TotalSeconds), Tags(e)));
    }

    private IEnumerable<Measurement<long>> Outbox(Func<OutboxBacklog, long> value) =>
        _snapshots.Current.Outbox.Select(o => new Measurement<long>(value(o), new TagList { { "model", o.Model }, { "status", o.Status } }));

    private IEnumerable<Measurement<double>> SnapshotAge()
    {
        var snapshot = _snapshots.Current;
        return snapshot.IsEmpty ? [] : [new Measurement<double>(Math.Max(0, (_time.GetUtcNow() - snapshot.TakenAt).TotalSeconds))];
    }

    private static TagList Tags(ExperimentGauges experiment) =>
        new() { { "experiment", experiment.Key }, { "model", experiment.Model } };

    private static TagList ArmTags(ExperimentGauges experiment, Arm arm) =>
        new() { { "experiment", experiment.Key }, { "arm", arm.ToString().ToLowerInvariant() }, { "model", experiment.Model } };
}
