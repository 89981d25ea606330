using Lotte.Core.Decisions;

namespace Lotte.Core.Experiments;

/// <summary>
/// One Production-vs-Staging test of a model. State changes go through the guarded methods so an
/// experiment can never jump, say, from Draft to Promoted; the database's xmin guards concurrent writers.
/// </summary>
public sealed class Experiment
{
    public const double DefaultStagingShare = 0.10;

    /// <summary>The share a shadow test serves from Staging once it graduates to an A/B test.</summary>
    public const double GraduationShare = 0.10;

    private Experiment()
    {
    }

    public Experiment(string key, string name, string modelName, string productionVersion,
        string stagingVersion, string createdBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        Id = Guid.CreateVersion7(now);
        Key = key;
        Name = name;
        ModelName = modelName;
        ProductionVersion = productionVersion;
        StagingVersion = stagingVersion;
        HashSeed = key;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string ModelName { get; private set; } = "";
    public string ProductionVersion { get; private set; } = "";
    public string StagingVersion { get; private set; } = "";
    public ExperimentMode Mode { get; set; } = ExperimentMode.AbTest;

    /// <summary>Share of units served by Staging, 0 to 1. Zero after a rollback.</summary>
    public double StagingShare { get; private set; } = DefaultStagingShare;

    /// <summary>
    /// Lowest and highest positive Staging share since the start. Only units whose hash bucket lies
    /// between the two can have been exposed in another arm than the current share gives them, so only
    /// those need the sticky-assignment lookup.
    /// </summary>
    public double StagingShareLow { get; private set; } = DefaultStagingShare;

    public double StagingShareHigh { get; private set; } = DefaultStagingShare;

    /// <summary>Seed of the deterministic bucketing hash; fixed at creation so assignment is sticky.</summary>
    public string HashSeed { get; private set; } = "";

    public ExperimentStatus Status { get; private set; } = ExperimentStatus.Draft;
    /// <summary>The decision rule; new experiments get the peeking-safe Sequential policy.</summary>
    public DecisionPolicy Policy { get; set; } = DecisionPolicy.Default;

    public ApprovalMode ApprovalMode { get; set; } = ApprovalMode.OneLead;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin system column).</summary>
    public uint RowVersion { get; private set; }

    /// <summary>When the current approval round began (set on entering AwaitingApproval): approvals count from here.</summary>
    public DateTimeOffset? AwaitingApprovalSince { get; private set; }

    /// <summary>A lead's "keep testing despite the decision": no automatic PROMOTE until then (ROLLBACK is never held back).</summary>
    public DateTimeOffset? PromotionHeldUntil { get; private set; }

    /// <summary>The share before a rollback, so that re-opening restores it.</summary>
    public double? ShareBeforeRollback { get; private set; }

    public bool IsFinished => Status is ExperimentStatus.Promoted or ExperimentStatus.RolledBack or ExperimentStatus.Stopped;

    public void SetStagingShare(double share, DateTimeOffset now)
    {
        if (share is < 0 or > 1 || double.IsNaN(share))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The Staging share must be between 0 and 1.");
        }

        EnsureNotFinished("change the traffic share");
        StagingShare = share;
        if (Status != ExperimentStatus.Draft && share > 0)
        {
            StagingShareLow = Math.Min(StagingShareLow, share);
            StagingShareHigh = Math.Max(StagingShareHigh, share);
        }

        UpdatedAt = now;
    }

    public void Start(DateTimeOffset now)
    {
        EnsureStatus("start", ExperimentStatus.Draft);
        Status = ExperimentStatus.Running;
        StagingShareLow = StagingShare;
        StagingShareHigh = StagingShare;
        StartedAt = now;
        UpdatedAt = now;
    }

    public void Pause(DateTimeOffset now)
    {
        EnsureStatus("pause", ExperimentStatus.Running, ExperimentStatus.AwaitingApproval);
        Status = ExperimentStatus.Paused;
        UpdatedAt = now;
    }

    public void Resume(DateTimeOffset now)
    {
        EnsureStatus("resume", ExperimentStatus.Paused);
        Status = ExperimentStatus.Running;
        AwaitingApprovalSince = null;
        UpdatedAt = now;
    }

    /// <summary>The engine (or a lead) says PROMOTE and a lead must approve: traffic keeps flowing meanwhile.</summary>
    public void AwaitApproval(DateTimeOffset now)
    {
        EnsureStatus("await approval", ExperimentStatus.Running);
        Status = ExperimentStatus.AwaitingApproval;
        AwaitingApprovalSince = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// A rejected promotion, or a lead's "keep testing despite the decision": back to Running, with automatic
    /// promotion held until <paramref name="holdPromotionUntil"/> so the next look does not ask again at once.
    /// </summary>
    public void KeepTesting(DateTimeOffset now, DateTimeOffset holdPromotionUntil)
    {
        EnsureStatus("keep testing", ExperimentStatus.AwaitingApproval, ExperimentStatus.Running);
        Status = ExperimentStatus.Running;
        AwaitingApprovalSince = null;
        PromotionHeldUntil = holdPromotionUntil;
        UpdatedAt = now;
    }

    /// <summary>Re-opens a rolled-back experiment (a lead judged the rollback a false alarm): its share comes back.</summary>
    public void Reopen(DateTimeOffset now)
    {
        EnsureStatus("re-open", ExperimentStatus.RolledBack);
        Status = ExperimentStatus.Running;
        StagingShare = ShareBeforeRollback ?? DefaultStagingShare;
        EndedAt = null;
        UpdatedAt = now;
    }

    /// <summary>Marks the experiment as changed (e.g. an approval was recorded), so concurrent deciders conflict.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>
    /// Staging becomes Production. The numbers are frozen from here on. A shadow experiment served no user, so it
    /// has no conversion evidence: it graduates to an A/B test first.
    /// </summary>
    public void Promote(DateTimeOffset now)
    {
        EnsureStatus("promote", ExperimentStatus.Running, ExperimentStatus.AwaitingApproval, ExperimentStatus.Paused);
        if (Mode == ExperimentMode.Shadow)
        {
            throw new InvalidExperimentTransitionException(Key, Status, "promote a shadow test (graduate it to an A/B test first)");
        }

        Finish(ExperimentStatus.Promoted, now);
    }

    /// <summary>
    /// A shadow test whose errors look fine becomes an A/B test: from now on <see cref="GraduationShare"/> of users
    /// are served by Staging, sticky as usual. The shadow requests and errors stay in the error guard's counts.
    /// </summary>
    public void GraduateToAbTest(DateTimeOffset now)
    {
        EnsureStatus("graduate to an A/B test", ExperimentStatus.Running, ExperimentStatus.Paused);
        if (Mode != ExperimentMode.Shadow)
        {
            throw new InvalidExperimentTransitionException(Key, Status, "graduate (it is not a shadow test)");
        }

        Mode = ExperimentMode.AbTest;
        Status = ExperimentStatus.Running;
        StagingShare = GraduationShare;
        StagingShareLow = GraduationShare;
        StagingShareHigh = GraduationShare;
        UpdatedAt = now;
    }

    /// <summary>Instant rollback: Staging traffic goes to 0 in the same change, overriding stickiness.</summary>
    public void RollBack(DateTimeOffset now)
    {
        EnsureStatus("roll back", ExperimentStatus.Running, ExperimentStatus.AwaitingApproval, ExperimentStatus.Paused);
        ShareBeforeRollback = StagingShare;
        StagingShare = 0;
        Finish(ExperimentStatus.RolledBack, now);
    }

    public void Stop(DateTimeOffset now)
    {
        EnsureNotFinished("stop");
        Finish(ExperimentStatus.Stopped, now);
    }

    private void Finish(ExperimentStatus terminal, DateTimeOffset now)
    {
        Status = terminal;
        EndedAt = now;
        UpdatedAt = now;
    }

    private void EnsureNotFinished(string action)
    {
        if (IsFinished)
        {
            throw new InvalidExperimentTransitionException(Key, Status, action);
        }
    }

    private void EnsureStatus(string action, params ExperimentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidExperimentTransitionException(Key, Status, action);
        }
    }
}
