using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// PostgreSQL out of reach is a 503 with Retry-After, not a 500: the client's retry (safe, thanks to
/// event ids) will succeed once the database is back.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning("Database unavailable while serving {Path}: {Message}", httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = $"Nothing was stored. Retry in {RetryAfterSeconds} seconds; resending the same events is safe.",
            },
        });
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
