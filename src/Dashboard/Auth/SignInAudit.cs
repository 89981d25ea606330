using Lotte.Core.Auditing;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Dashboard.Auth;

/// <summary>Records sign-in failures in the audit log (the reason, never a token or a password).</summary>
public sealed class SignInAudit(IDbContextFactory<LotteDbContext> contexts, TimeProvider time, ILogger<SignInAudit> logger)
{
    public async Task FailedAsync(string who, string reason)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.AuditLog.Add(new AuditEntry { At = time.GetUtcNow(), ActorName = who, Action = "signin.failed", Justification = reason });
            await db.SaveChangesAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not audit a sign-in failure");
        }
    }
}
