using Lotte.Core;
using Lotte.Dashboard.Auth;
using Lotte.Dashboard.Components;
using Lotte.Dashboard.Hosting;

var builder = DashboardHost.CreateBuilder(args);
builder.AddLotteCore();
builder.AddDashboardUi();
builder.AddDashboardLocalization();
builder.AddDashboardAuth();
builder.AddServiceApi();
builder.AddDashboardObservability();
builder.AddDashboardHealthChecks();
builder.AddDemo();

var app = builder.Build();
if (DashboardCommands.IsCommand(args))
{
    return await DashboardCommands.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
app.UseDashboardPipeline();
app.MapDashboardHealthChecks();
app.MapDashboardMetrics();
app.MapServiceApi();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();
return 0;
