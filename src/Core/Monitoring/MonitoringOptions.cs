namespace Lotte.Core.Monitoring;

/// <summary>Settings of the "Monitoring" section.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>
    /// How often the operations snapshot behind /metrics is read from PostgreSQL. Every scrape and every series
    /// reads the same cached snapshot, so scrapes never query the database.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
