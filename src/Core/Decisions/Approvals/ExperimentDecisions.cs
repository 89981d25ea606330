using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Decisions.Approvals;

/// <summary>
/// Leads' approvals and overrides. Each action re-checks the decider's role and the experiment's status,
/// is recorded with its justification, and changes the experiment under optimistic concurrency: when two
/// leads act at once exactly one state change happens, and the other learns who decided first.
/// </summary>
public sealed class ExperimentDecisions(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    /// <summary>After a rejection or an extension, no automatic PROMOTE for this long (ROLLBACK is never held).</summary>
    public static readonly TimeSpan PromotionHold = TimeSpan.FromHours(24);

    public const int MinJustificationLength = 10;
    private const int Attempts = 5;

    public static bool NeedsJustification(LeadActionKind kind) => kind != LeadActionKind.Approve;

    public async Task<LeadActionResult> ActAsync(string experimentKey, LeadActionKind kind, Decider decider, string? comment,
        CancellationToken cancellationToken = default)
    {
        if (!decider.IsLead)
        {
            return new(LeadActionOutcome.Refused, "Only an ML lead or a product lead may decide.");
        }

        if (NeedsJustification(kind) && (comment?.Trim().Length ?? 0) < MinJustificationLength)
        {
            return new(LeadActionOutcome.Refused, $"A justification of at least {MinJustificationLength} characters is required.");
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var experiment = await db.Experiments.SingleOrDefaultAsync(e => e.Key == experimentKey, cancellationToken);
            if (experiment is null)
            {
                return new(LeadActionOutcome.NotFound, $"There is no experiment '{experimentKey}'.");
            }

            var outcome = await ApplyAsync(db, experiment, kind, decider, comment?.Trim(), cancellationToken);
            if (outcome.Outcome != LeadActionOutcome.Applied)
            {
                return outcome;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return outcome with { Status = experiment.Status };
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed the experiment meanwhile: look again with their change in view.
            }
        }

        return new(LeadActionOutcome.Refused, "The experiment is changing too often right now; try again.");
    }

    private async Task<LeadActionResult> ApplyAsync(LotteDbContext db, Experiment experiment, LeadActionKind kind, Decider decider, string? comment,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = experiment.Status;
        var modeBefore = experiment.Mode;
        if (kind == LeadActionKind.Approve && experiment.Status == ExperimentStatus.AwaitingApproval
            && await ApprovedAlreadyAsync(db, experiment, decider, cancellationToken))
        {
            return new(LeadActionOutcome.Refused, "You approved this promotion already; it needs another lead.");
        }

        try
        {
            var approvalsDone = kind != LeadActionKind.Approve || await CompletesApprovalAsync(db, experiment, decider, cancellationToken);
            Transition(experiment, kind, approvalsDone, now);
        }
        catch (InvalidExperimentTransitionException ex)
        {
            return experiment.IsFinished || before != ExperimentStatus.AwaitingApproval && kind is LeadActionKind.Approve or LeadActionKind.Reject
                ? await AlreadyDecidedAsync(db, experiment, cancellationToken)
                : new(LeadActionOutcome.Refused, ex.Message, experiment.Status);
        }

        var leadAction = new LeadAction
        {
            Id = Guid.CreateVersion7(now), ExperimentId = experiment.Id, Kind = kind, ActorName = decider.Name, ActorRole = decider.RoleText,
            Comment = comment, At = now,
        };
        db.LeadActions.Add(leadAction);
        if (RegistryOutbox.ChangeFor(experiment, before, await ApprovalReferenceAsync(db, experiment, leadAction, cancellationToken), now) is { } change)
        {
            db.RegistryOutbox.Add(change); // same transaction as the new status: both happen or neither
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorName = decider.Name, ActorRole = decider.RoleText, Action = AuditAction(kind), ExperimentId = experiment.Id,
            Subject = experiment.Key, Justification = comment,
            BeforeJson = JsonSerializer.Serialize(new { Status = before.ToString(), Mode = modeBefore.ToString() }),
            AfterJson = JsonSerializer.Serialize(new { Status = experiment.Status.ToString(), experiment.StagingShare, Mode = experiment.Mode.ToString() }),
        });
        var message = experiment.Status == before && kind == LeadActionKind.Approve
            ? "Approval recorded; the promotion needs the other lead's approval too."
            : $"Done: the experiment is {experiment.Status}.";
        return new(LeadActionOutcome.Applied, message, experiment.Status, decider.Name, now);
    }

    private static void Transition(Experiment experiment, LeadActionKind kind, bool approvalsDone, DateTimeOffset now)
    {
        switch (kind)
        {
            case LeadActionKind.Approve when approvalsDone:
                RequireAwaiting(experiment, "approve");
                experiment.Promote(now);
                break;
            case LeadActionKind.Approve:
                RequireAwaiting(experiment, "approve");
                experiment.Touch(now); // a concurrent approver conflicts, re-reads, and completes the round
                break;
            case LeadActionKind.Reject:
                RequireAwaiting(experiment, "reject");
                experiment.KeepTesting(now, now + PromotionHold);
                break;
            case LeadActionKind.Extend:
                experiment.KeepTesting(now, now + PromotionHold);
                break;
            case LeadActionKind.ForcePromote:
                experiment.Promote(now);
                break;
            case LeadActionKind.ForceRollback:
                experiment.RollBack(now);
                break;
            case LeadActionKind.Pause:
                experiment.Pause(now);
                break;
            case LeadActionKind.Resume:
                experiment.Resume(now);
                break;
            case LeadActionKind.Stop:
                experiment.Stop(now);
                break;
            case LeadActionKind.Reopen:
                experiment.Reopen(now);
                break;
            case LeadActionKind.Graduate:
                experiment.GraduateToAbTest(now);
                break;
        }
    }

    private static void RequireAwaiting(Experiment experiment, string action)
    {
        if (experiment.Status != ExperimentStatus.AwaitingApproval)
        {
            throw new InvalidExperimentTransitionException(experiment.Key, experiment.Status, action);
        }
    }

    private static async Task<List<(string Name, IReadOnlySet<LeadRole> Roles)>> RoundApprovalsAsync(LotteDbContext db, Experiment experiment,
        CancellationToken cancellationToken)
    {
        var since = experiment.AwaitingApprovalSince ?? DateTimeOffset.MinValue;
        var rows = await db.LeadActions.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id && a.Kind == LeadActionKind.Approve && a.At >= since)
            .Select(a => new { a.ActorName, a.ActorRole })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.ActorName, ApprovalRule.ParseRoles(r.ActorRole))).ToList();
    }

    private static async Task<bool> ApprovedAlreadyAsync(LotteDbContext db, Experiment experiment, Decider decider, CancellationToken cancellationToken) =>
        (await RoundApprovalsAsync(db, experiment, cancellationToken)).Any(a => a.Name == decider.Name);

    private static async Task<bool> CompletesApprovalAsync(LotteDbContext db, Experiment experiment, Decider decider, CancellationToken cancellationToken)
    {
        var approvals = await RoundApprovalsAsync(db, experiment, cancellationToken);
        approvals.Add((decider.Name, decider.Roles));
        return ApprovalRule.IsSatisfied(experiment.ApprovalMode, approvals);
    }

    /// <summary>Who approved the move, for the registry's tags: every approval of the round, or the lead who overrode.</summary>
    private static async Task<string> ApprovalReferenceAsync(LotteDbContext db, Experiment experiment, LeadAction action, CancellationToken cancellationToken)
    {
        var who = action.Kind == LeadActionKind.Approve
            ? (await RoundApprovalsAsync(db, experiment, cancellationToken)).Select(a => a.Name).Append(action.ActorName).Distinct()
            : [action.ActorName];
        return $"{AuditAction(action.Kind)} by {string.Join(", ", who)} (lead action {action.Id})";
    }

    private static async Task<LeadActionResult> AlreadyDecidedAsync(LotteDbContext db, Experiment experiment, CancellationToken cancellationToken)
    {
        var last = await db.AuditLog.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id && (a.Action.StartsWith("decision.") || a.Action.StartsWith("override.")))
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new(LeadActionOutcome.AlreadyDecided,
            last is null ? $"Already decided: the experiment is {experiment.Status}." : $"Already decided by {last.ActorName} at {last.At:u}: the experiment is {experiment.Status}.",
            experiment.Status, last?.ActorName, last?.At);
    }

    private static string AuditAction(LeadActionKind kind) => kind switch
    {
        LeadActionKind.Approve => "decision.approved",
        LeadActionKind.Reject => "decision.rejected",
        LeadActionKind.Graduate => "shadow.graduated",
        _ => "override." + kind.ToString().ToLowerInvariant(),
    };
}
