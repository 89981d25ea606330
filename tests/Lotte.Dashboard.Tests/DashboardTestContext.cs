using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Auth;
using Lotte.Dashboard.ViewModels;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Lotte.Dashboard.Tests;

/// <summary>
/// A bUnit context with the dashboard's UI services: MudBlazor (loose JS interop: MudBlazor calls JS we
/// do not assert on), localization with the real resource files, a clock and the live-data plumbing.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    /// <summary>Signed in as a viewer by default; tests of lead-only UI change the roles and policies.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected DashboardTestContext()
    {
        // Components format for the reader's culture: tests read English (en-US) output.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ExperimentChangeFeed>();
        Services.AddSingleton<DebouncedChanges>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("viewer");
        Authorization.SetRoles(DashboardRoles.Viewer);
        Authorization.SetPolicies(DashboardPolicies.View);
    }
}
