using MudBlazor;

namespace Lotte.Dashboard.Components.Layout;

/// <summary>The product's palette: Lotte red as primary, neutral surfaces, system fonts (no web-font download).</summary>
internal static class DashboardTheme
{
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight { Primary = "#c8102e", AppbarBackground = "#c8102e", Secondary = "#37474f" },
        PaletteDark = new PaletteDark { Primary = "#ff5a6e", Secondary = "#90a4ae" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["-apple-system", "Segoe UI", "Noto Sans KR", "Malgun Gothic", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
