using System.Net.Http.Headers;
using System.Text;
using Lotte.Core.Common;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lotte.Core.Notifications;

/// <summary>
/// Plans a delivery per (notifiable audit entry, subscribed webhook) and sends due deliveries, signed, with doubling
/// retry delays. One replica dispatches at a time (advisory lock); a delivery is planned at most once per webhook
/// (unique index), so a takeover never sends an event twice on purpose — a receiver that answered 2xx too late may
/// see a retry, which the <c>X-Lotte-Delivery</c> id lets it ignore.
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<LotteDbContext> contexts,
    IHttpClientFactory http,
    FieldEncryptor encryptor,
    IOptions<DatabaseOptions> database,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>Advisory lock key of the dispatcher ("LOTTEHOK").</summary>
    public const long LockKey = 0x4C4F5454_45484F4B;

    public const string HttpClientName = "webhooks";
    internal const string SecretContext = "webhook-secret";
    private const int BatchSize = 20;
    private readonly Random _jitter = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lockConnection = new NpgsqlConnection(database.Value.ConnectionString);
                await lockConnection.OpenAsync(stoppingToken);
                if (await SingleReplicaLock.TryAcquireAsync(lockConnection, LockKey, stoppingToken))
                {
                    using var timer = new PeriodicTimer(options.Value.PollInterval, time);
                    do
                    {
                        await RunOnceAsync(stoppingToken);
                        await SingleReplicaLock.PingAsync(lockConnection, stoppingToken);
                    }
                    while (await timer.WaitForNextTickAsync(stoppingToken));
                }
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                logger.LogWarning("Webhook dispatch interrupted: {Message}", ex.Message);
            }

            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>Plans new deliveries and sends the due ones. Public so tests and operators can drive it.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(cancellationToken);
        return await SendDueAsync(cancellationToken);
    }

    private async Task PlanAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Enabled).ToListAsync(cancellationToken);
        if (webhooks.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var since = now - options.Value.Lookback;
        var entries = await db.AuditLog.AsNoTracking()
            .Where(a => a.At >= since && NotificationEvents.Actions.Contains(a.Action))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        var firstId = entries[0].Id;
        var planned = (await db.WebhookDeliveries.Where(d => d.AuditId >= firstId).Select(d => new { d.WebhookId, d.AuditId }).ToListAsync(cancellationToken))
            .Select(d => (d.WebhookId, d.AuditId)).ToHashSet();
        var experimentIds = entries.Where(e => e.ExperimentId is not null).Select(e => e.ExperimentId!.Value).Distinct().ToList();
        var started = await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.StartedAt, cancellationToken);
        foreach (var entry in entries)
        {
            var kind = NotificationEvents.KindOf(entry);
            var suppressed = IsTooEarly(entry, entry.ExperimentId is { } id ? started.GetValueOrDefault(id) : null);
            foreach (var webhook in webhooks.Where(w => Wants(w, entry, kind) && !planned.Contains((w.Id, entry.Id))))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    WebhookId = webhook.Id, AuditId = entry.Id, Kind = kind, ExperimentId = entry.ExperimentId,
                    PayloadJson = WebhookPayloads.Build(webhook.Format, NotificationEvents.Message(entry, options.Value.DashboardUrl)),
                    Status = suppressed ? WebhookDeliveryStatus.Suppressed : WebhookDeliveryStatus.Pending,
                    LastError = suppressed ? "significance alert suppressed: experiment too young or too few units" : null,
                    NextAttemptAt = now, CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Wants(Webhook webhook, Auditing.AuditEntry entry, NotificationKind kind) =>
        kind != NotificationKind.None
        && webhook.Events.HasFlag(kind)
        && (webhook.ExperimentId is null || webhook.ExperimentId == entry.ExperimentId)
        && entry.At >= webhook.CreatedAt;

    private bool IsTooEarly(Auditing.AuditEntry entry, DateTimeOffset? startedAt)
    {
        if (!NotificationEvents.IsSignificanceAlert(entry))
        {
            return false;
        }

        var units = long.TryParse(NotificationEvents.Field(entry.AfterJson, "SmallerArmUnits"), out var n) ? n : 0;
        return startedAt is null || entry.At - startedAt < options.Value.QuietPeriod || units < options.Value.MinUnitsForSignificanceAlerts;
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(BatchSize)
            .Join(db.Webhooks, d => d.WebhookId, w => w.Id, (d, w) => new { Delivery = d, w.Url, w.EncryptedSecret, w.Enabled })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            if (!item.Enabled)
            {
                Fail(item.Delivery, null, "the webhook was disabled", final: true);
                continue;
            }

            string secret;
            try
            {
                secret = encryptor.DecryptText(item.EncryptedSecret, SecretContext);
            }
            catch (FieldDecryptionException)
            {
                Fail(item.Delivery, null, "the webhook's signing secret cannot be decrypted with the configured keys", final: true);
                continue;
            }

            await SendAsync(item.Delivery, item.Url, secret, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task SendAsync(WebhookDelivery delivery, string url, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, time.GetUtcNow().ToUnixTimeSeconds(), delivery.PayloadJson));
        request.Headers.Add("X-Lotte-Event", delivery.Kind.ToString());
        request.Headers.Add("X-Lotte-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        delivery.Attempts++;
        try
        {
            using var client = http.CreateClient(HttpClientName);
            client.Timeout = options.Value.Timeout;
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.DeliveredAt = time.GetUtcNow();
                delivery.LastStatusCode = (int)response.StatusCode;
                delivery.LastError = null;
                return;
            }

            // 4xx other than 408/429 will not get better by retrying.
            var status = (int)response.StatusCode;
            Fail(delivery, status, $"HTTP {status} {response.ReasonPhrase}", final: status is >= 400 and < 500 and not 408 and not 429);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Fail(delivery, null, ex is TaskCanceledException ? $"no answer within {options.Value.Timeout.TotalSeconds:0} s" : ex.Message, final: false);
        }
    }

    private void Fail(WebhookDelivery delivery, int? statusCode, string error, bool final)
    {
        delivery.LastStatusCode = statusCode;
        delivery.LastError = error.Length <= 1000 ? error : error[..1000];
        if (final || delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            logger.LogWarning("Webhook delivery {Delivery} failed after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, delivery.LastError);
            return;
        }

        delivery.NextAttemptAt = time.GetUtcNow() + Backoff.Delay(options.Value.FirstRetryDelay, options.Value.MaxRetryDelay, delivery.Attempts, _jitter);
    }
}
