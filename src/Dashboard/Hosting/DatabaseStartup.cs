using Lotte.Core.Demo;
using Lotte.Dashboard.Demo;
using Lotte.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Hosting;

public static class DatabaseStartup
{
    /// <summary>The demo: seeded data (Core) plus simulated live traffic through the public API.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoTrafficOptions>().BindConfiguration(DemoTrafficOptions.SectionName);
        builder.Services.AddHostedService<DemoTrafficService>();
        return builder;
    }

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
