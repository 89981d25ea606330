using System.Text.Json;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.Persistence;
using Lotte.Core.Statistics.Drift;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Drift;

/// <summary>
/// Takes drift looks and reads them back. A look groups the experiment's prediction scores into the policy's bins in
/// PostgreSQL (<c>width_bucket</c> over the (experiment, type, occurred_at) index): a few hundred numbers leave the
/// database, never the events. Only the decision evaluator takes looks; pages read the stored ones.
/// </summary>
public sealed class DriftStore(IDbContextFactory<LotteDbContext> contexts)
{
    private const string Production = nameof(Assignment.Arm.Production);
    private const string Prediction = nameof(Ingestion.EventType.Prediction);

    /// <summary>The drift now and its row to store, or null when the experiment has no prediction scores to judge.</summary>
    public async Task<(DriftAssessment Assessment, DriftLook Row)?> LookAsync(Experiment experiment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var histograms = await HistogramsAsync(experiment, experiment.Policy.Drift, now, cancellationToken);
        if (histograms is null)
        {
            return null;
        }

        var assessment = DriftAssessment.Assess(histograms, experiment.Policy.Drift, now);
        return (assessment, ToRow(experiment.Id, assessment, histograms));
    }

    /// <summary>
    /// Production's reference scores, and each arm's scores of the current window. The reference is Production's scores in
    /// the lookback before the start, from this model's experiments on the same Production version; with fewer than the
    /// policy's minimum there, Production's scores of the first hour (by default) from its first score in the experiment.
    /// </summary>
    public async Task<DriftHistograms?> HistogramsAsync(Experiment experiment, DriftPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (experiment.StartedAt is not { } started || !policy.Binning.IsValid)
        {
            return null;
        }

        var binning = policy.Binning;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = Max(started, now - policy.CurrentWindow);
        var current = await db.Database.SqlQuery<BucketRow>($"""
            SELECT arm AS arm, width_bucket(score, {binning.Min}, {binning.Max}, {binning.Bins}) AS bucket, count(*) AS count
            FROM raw_events
            WHERE experiment_id = {experiment.Id} AND type = {Prediction} AND occurred_at >= {from} AND score IS NOT NULL
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
        var production = Histogram(binning, current.Where(r => r.Arm == Production));
        var staging = Histogram(binning, current.Where(r => r.Arm != Production));

        var (referenceFrom, referenceTo) = (started - policy.ReferenceLookback, started);
        var before = await db.Database.SqlQuery<BucketRow>($"""
            SELECT arm AS arm, width_bucket(score, {binning.Min}, {binning.Max}, {binning.Bins}) AS bucket, count(*) AS count
            FROM raw_events
            WHERE experiment_id IN (SELECT id FROM experiments WHERE model_name = {experiment.ModelName} AND production_version = {experiment.ProductionVersion})
              AND type = {Prediction} AND arm = {Production} AND occurred_at >= {referenceFrom} AND occurred_at < {referenceTo} AND score IS NOT NULL
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
        var reference = Histogram(binning, before);
        var kind = DriftReferenceKind.BeforeExperiment;
        if (reference.Total < Math.Max(1, policy.MinScoresPerSide))
        {
            // From Production's first score (traffic may begin well after the start), for the fallback window.
            var firstScore = await db.RawEvents
                .Where(e => e.ExperimentId == experiment.Id && e.Type == Ingestion.EventType.Prediction && e.OccurredAt >= started && e.Arm == Assignment.Arm.Production)
                .OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken) ?? started;
            (referenceFrom, referenceTo) = (firstScore, firstScore + policy.FallbackReferenceWindow);
            var first = await db.Database.SqlQuery<BucketRow>($"""
                SELECT arm AS arm, width_bucket(score, {binning.Min}, {binning.Max}, {binning.Bins}) AS bucket, count(*) AS count
                FROM raw_events
                WHERE experiment_id = {experiment.Id} AND type = {Prediction} AND arm = {Production}
                  AND occurred_at >= {referenceFrom} AND occurred_at < {referenceTo} AND score IS NOT NULL
                GROUP BY 1, 2
                """).ToListAsync(cancellationToken);
            reference = Histogram(binning, first);
            kind = reference.Total > 0 ? DriftReferenceKind.ExperimentStart : DriftReferenceKind.None;
        }

        if (production.Total + staging.Total == 0 && reference.Total == 0)
        {
            return null;
        }

        return kind == DriftReferenceKind.None
            ? new DriftHistograms(reference, production, staging, kind, null, null)
            : new DriftHistograms(reference, production, staging, kind, referenceFrom, referenceTo);
    }

    public static DriftLook ToRow(Guid experimentId, DriftAssessment assessment, DriftHistograms histograms) => new()
    {
        ExperimentId = experimentId,
        At = assessment.At,
        Level = assessment.Level.ToString(),
        StagingLevel = assessment.StagingLevel.ToString(),
        ReferenceKind = assessment.ReferenceKind.ToString(),
        StagingPsi = Plotted(assessment, DriftComparisonKind.StagingVsReference)?.Psi,
        ProductionPsi = Plotted(assessment, DriftComparisonKind.ProductionVsReference)?.Psi,
        StagingKsPValue = Plotted(assessment, DriftComparisonKind.StagingVsReference)?.KsPValue,
        ProductionKsPValue = Plotted(assessment, DriftComparisonKind.ProductionVsReference)?.KsPValue,
        ComparisonsJson = JsonSerializer.Serialize(assessment.Comparisons, DecisionJson.Options),
        HistogramsJson = JsonSerializer.Serialize(histograms, DecisionJson.Options),
    };

    /// <summary>The latest look's judgement (no histograms), or null before the first drift look.</summary>
    public async Task<DriftAssessment?> LatestAssessmentAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DriftLooks.AsNoTracking().Where(l => l.ExperimentId == experimentId).OrderByDescending(l => l.Id)
            .Select(l => new { l.At, l.ReferenceKind, l.ComparisonsJson })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Assessment(row.At, row.ReferenceKind, row.ComparisonsJson);
    }

    /// <summary>The latest look with its histograms, or null before the first drift look.</summary>
    public async Task<DriftLookDetail?> LatestAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DriftLooks.AsNoTracking().Where(l => l.ExperimentId == experimentId).OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var histograms = row is null ? null : JsonSerializer.Deserialize<DriftHistograms>(row.HistogramsJson, DecisionJson.Options);
        return row is null || histograms is null ? null : new DriftLookDetail(Assessment(row.At, row.ReferenceKind, row.ComparisonsJson), histograms);
    }

    /// <summary>Up to <paramref name="maxPoints"/> looks, evenly thinned out over the whole history (always with the last).</summary>
    public async Task<IReadOnlyList<DriftHistoryPoint>> HistoryAsync(Guid experimentId, int maxPoints, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await db.DriftLooks.CountAsync(l => l.ExperimentId == experimentId, cancellationToken);
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)Math.Max(1, maxPoints)));

        // Only columns of ix_drift_looks_experiment_id_id: an index-only scan, the JSON is never read.
        return await db.Database.SqlQuery<DriftHistoryPoint>($"""
            SELECT at AS at, staging_psi AS staging_psi, production_psi AS production_psi,
                   staging_ks_p_value AS staging_ks_p_value, production_ks_p_value AS production_ks_p_value
            FROM (SELECT at, staging_psi, production_psi, staging_ks_p_value, production_ks_p_value,
                         row_number() OVER (ORDER BY id DESC) - 1 AS back
                  FROM drift_looks WHERE experiment_id = {experimentId}) looks
            WHERE back % {step} = 0
            ORDER BY at
            """).ToListAsync(cancellationToken);
    }

    private static DriftAssessment Assessment(DateTimeOffset at, string referenceKind, string json) =>
        new(at, Enum.TryParse<DriftReferenceKind>(referenceKind, out var kind) ? kind : DriftReferenceKind.None, Comparisons(json));

    private static IReadOnlyList<DriftComparisonResult> Comparisons(string json) =>
        JsonSerializer.Deserialize<List<DriftComparisonResult>>(json, DecisionJson.Options) ?? [];

    /// <summary>A comparison's numbers when both sides had scores (what the history charts plot), else null.</summary>
    private static ScoreDriftComparison? Plotted(DriftAssessment assessment, DriftComparisonKind kind) =>
        assessment.Of(kind)?.Numbers is { ReferenceCount: > 0, CurrentCount: > 0 } numbers ? numbers : null;

    private static ScoreHistogram Histogram(ScoreBinning binning, IEnumerable<BucketRow> rows) =>
        ScoreHistogram.FromBuckets(binning, rows.Select(r => (r.Bucket, r.Count)));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record BucketRow(string? Arm, int Bucket, long Count);

}
