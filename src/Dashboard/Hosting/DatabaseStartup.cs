using Lotte.Core.Demo;
using Lotte.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Hosting;

public static class DatabaseStartup
{
    /// <summary>Applies migrations when configured to (Development) and seeds the demo when enabled.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
