using System.Security.Cryptography;
using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Notifications;

/// <summary>Admins' management of webhooks and their delivery log. Every change is audited.</summary>
public sealed class Webhooks(IDbContextFactory<LotteDbContext> contexts, FieldEncryptor encryptor, TimeProvider time)
{
    public const int DeliveryLogSize = 200;

    /// <summary>Creates a webhook and returns its signing secret, shown once; or the problems (field → message).</summary>
    public async Task<(Webhook? Created, string? Secret, IReadOnlyDictionary<string, string> Problems)> CreateAsync(
        NewWebhook request, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems[nameof(request.Name)] = "A name of 1 to 100 characters is required.";
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || request.Url.Length > 2000)
        {
            problems[nameof(request.Url)] = "An absolute http or https address is required.";
        }

        if (request.Events == NotificationKind.None)
        {
            problems[nameof(request.Events)] = "Choose at least one event.";
        }

        Guid? experimentId = null;
        if (!string.IsNullOrWhiteSpace(request.ExperimentKey))
        {
            experimentId = await db.Experiments.Where(e => e.Key == request.ExperimentKey).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(cancellationToken);
            if (experimentId is null)
            {
                problems[nameof(request.ExperimentKey)] = "There is no experiment with this key.";
            }
        }

        if (problems.Count > 0)
        {
            return (null, null, problems);
        }

        var now = time.GetUtcNow();
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(now), Name = request.Name.Trim(), Url = request.Url, Format = request.Format, Events = request.Events,
            ExperimentId = experimentId, EncryptedSecret = encryptor.EncryptText(secret, WebhookDispatcher.SecretContext), CreatedBy = actor, CreatedAt = now,
        };
        db.Webhooks.Add(webhook);
        db.AuditLog.Add(Audit(now, actor, "webhook.created", webhook, experimentId));
        await db.SaveChangesAsync(cancellationToken);
        return (webhook, secret, new Dictionary<string, string>());
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
    }

    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return false;
        }

        webhook.Enabled = enabled;
        db.AuditLog.Add(Audit(time.GetUtcNow(), actor, enabled ? "webhook.enabled" : "webhook.disabled", webhook, webhook.ExperimentId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The newest deliveries with their webhook's name, for the admins' log.</summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, string Webhook)>> DeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .OrderByDescending(d => d.Id).Take(DeliveryLogSize)
            .Join(db.Webhooks, d => d.WebhookId, w => w.Id, (d, w) => new { Delivery = d, w.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Delivery, r.Name)).ToList();
    }

    private static AuditEntry Audit(DateTimeOffset now, string actor, string action, Webhook webhook, Guid? experimentId) => new()
    {
        At = now, ActorName = actor, ActorRole = "Admin", Action = action, ExperimentId = experimentId, Subject = webhook.Name,
        AfterJson = JsonSerializer.Serialize(new { webhook.Id, webhook.Url, Format = webhook.Format.ToString(), Events = webhook.Events.ToString(), webhook.Enabled }),
    };
}

public sealed record NewWebhook(string Name, string Url, WebhookFormat Format, NotificationKind Events, string? ExperimentKey = null);
