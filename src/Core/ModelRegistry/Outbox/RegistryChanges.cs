using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>An experiment's registry changes for its page, and a lead's retry of one that failed.</summary>
public sealed class RegistryChanges(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<RegistryChange>> ForExperimentAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RegistryOutbox.AsNoTracking()
            .Where(c => c.ExperimentId == experimentId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a failed change back in the queue with a fresh retry budget; audited with the lead's reason.</summary>
    public async Task<LeadActionResult> RetryAsync(string experimentKey, long changeId, Decider decider, string? comment,
        CancellationToken cancellationToken = default)
    {
        if (!decider.IsLead)
        {
            return new(LeadActionOutcome.Refused, "Only an ML lead or a product lead may retry a registry change.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var change = await db.RegistryOutbox.SingleOrDefaultAsync(c => c.Id == changeId && c.ExperimentKey == experimentKey, cancellationToken);
        if (change is null)
        {
            return new(LeadActionOutcome.NotFound, $"Experiment '{experimentKey}' has no registry change {changeId}.");
        }

        if (change.Status != RegistryChangeStatus.Failed)
        {
            return new(LeadActionOutcome.Refused, $"Registry change {changeId} is {change.Status}; only a failed change can be retried.");
        }

        var now = time.GetUtcNow();
        var before = new { Status = change.Status.ToString(), change.Attempts, change.Outcome, change.LastError };
        change.Status = RegistryChangeStatus.Pending;
        change.Attempts = 0;
        change.NextAttemptAt = now;
        change.Outcome = null;
        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorName = decider.Name, ActorRole = decider.RoleText, Action = "registry.change.retried",
            ExperimentId = change.ExperimentId, Subject = experimentKey, Justification = comment?.Trim(),
            BeforeJson = JsonSerializer.Serialize(before),
            AfterJson = JsonSerializer.Serialize(new { Status = change.Status.ToString(), Change = change.Id }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(LeadActionOutcome.Applied, $"Registry change {changeId} will be tried again now.");
    }
}
