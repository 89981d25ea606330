using Lotte.Core.Persistence;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// One-shot commands of the dashboard binary: <c>migrate</c> applies pending migrations and exits
/// (the production way to upgrade the schema; see README).
/// </summary>
public static class DashboardCommands
{
    private const string Migrate = "migrate";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Migrate;

    public static string[] WithoutCommand(string[] args) => IsCommand(args) ? args[1..] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return 0;
    }
}
