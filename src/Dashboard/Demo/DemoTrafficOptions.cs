namespace Lotte.Dashboard.Demo;

/// <summary>Settings of the demo's simulated traffic ("Demo" section; runs only with Demo:Enabled).</summary>
public sealed class DemoTrafficOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>New users per second per demo experiment.</summary>
    public double UnitsPerSecond { get; set; } = 15;

    /// <summary>After how long the failing Staging model's error rate starts to climb.</summary>
    public TimeSpan FailureStartsAfter { get; set; } = TimeSpan.FromMinutes(2);
}
