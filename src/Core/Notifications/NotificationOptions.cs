namespace Lotte.Core.Notifications;

/// <summary>Settings of the "Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Run the webhook dispatcher on this replica (one replica dispatches at a time, by advisory lock).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Audited events younger than this are considered for delivery (a webhook never gets older ones).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>No significance alerts (decision changes to or from PROMOTE) while the experiment is younger than this.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>No significance alerts while the smaller arm has fewer exposed units than this.</summary>
    public long MinUnitsForSignificanceAlerts { get; set; } = 1_000;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The dashboard's public address, for links in messages (e.g. https://lotte-dashboard.example.com).</summary>
    public Uri? DashboardUrl { get; set; }
}
