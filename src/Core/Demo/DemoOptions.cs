namespace Lotte.Core.Demo;

/// <summary>Settings of the "Demo" section: seed demo experiments at start-up (the run command turns this on).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }
}
