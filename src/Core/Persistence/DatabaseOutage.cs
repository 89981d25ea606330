using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Core.Persistence;

/// <summary>
/// Whether an exception means PostgreSQL is out of reach (stopped, restarting, the connection dropped), so a background
/// job should wait and try again instead of ending: an unhandled exception in a hosted service stops the whole process.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception) => exception switch
    {
        NpgsqlException or TimeoutException or IOException or DbUpdateException => true,
        // EF Core wraps a transient failure ("An exception has been raised that is likely due to a transient failure").
        InvalidOperationException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
