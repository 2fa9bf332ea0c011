using MudBlazor;

namespace HalOSwarm.Supervisor.Dashboard.Layout;

/// <summary>The dashboard's light and dark palettes; system fonts only (the pages load nothing from other sites).</summary>
internal static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
        PaletteLight = new PaletteLight { Primary = "#3f51b5", AppbarBackground = "#283593" },
        PaletteDark = new PaletteDark { Primary = "#8c9eff" },
    };
}
