using Bunit;
using MudBlazor.Services;

namespace Lotte.Dashboard.Tests;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop (MudBlazor calls JS we do not assert on).</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
