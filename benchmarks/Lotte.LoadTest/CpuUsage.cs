namespace Lotte.LoadTest;

/// <summary>
/// CPU seconds spent during a phase by the load generator, the dashboard, this database's PostgreSQL backends, the
/// cluster's background processes (WAL writer, checkpointer, background writer, autovacuum launcher; shared with
/// any other database on the cluster), and the whole machine.
/// </summary>
public sealed record CpuUsage(double Client, double Server, double Postgres, double PostgresBackground, double Machine)
{
    /// <summary>Everything else the machine did meanwhile: other processes, and kernel time charged to none.</summary>
    public double Other => Math.Max(0, Machine - Client - Server - Postgres - PostgresBackground);
}
