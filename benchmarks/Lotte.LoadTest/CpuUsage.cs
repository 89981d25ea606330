namespace Lotte.LoadTest;

/// <summary>
/// CPU seconds spent during a phase by the load generator, the dashboard, PostgreSQL (this database's backends and
/// the cluster's background writers) and the whole machine.
/// </summary>
public sealed record CpuUsage(double Client, double Server, double Postgres, double Machine)
{
    public static CpuUsage None { get; } = new(0, 0, 0, 0);

    /// <summary>Everything else the machine did meanwhile (other processes, the kernel's share not charged to these).</summary>
    public double Other => Math.Max(0, Machine - Client - Server - Postgres);
}
