namespace Lotte.Dashboard.Hosting;

public static class DashboardHost
{
    /// <summary>
    /// Builds the host with the output folder as content root, so `dotnet run` (from any folder), the
    /// test hosts and a published folder all read the same appsettings*.json copied from the repository root.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = DashboardCommands.WithoutCommand(args),
            ContentRootPath = AppContext.BaseDirectory,
        });

        // In a build output the web root is the repository's wwwroot, mapped by the static-web-assets
        // manifest; a published folder has no such manifest and serves its own wwwroot/ instead.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
