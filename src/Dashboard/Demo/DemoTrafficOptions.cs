namespace Lotte.Dashboard.Demo;

/// <summary>Settings of the demo's simulated traffic ("Demo" section; runs only with Demo:Enabled).</summary>
public sealed class DemoTrafficOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Simulate live traffic (on by default with the demo; tests that post their own events turn it off).</summary>
    public bool Traffic { get; set; } = true;

    /// <summary>New users per second per demo experiment.</summary>
    public double UnitsPerSecond { get; set; } = 15;

    /// <summary>After how long the failing Staging model's error rate starts to climb.</summary>
    public TimeSpan FailureStartsAfter { get; set; } = TimeSpan.FromMinutes(2);
}
