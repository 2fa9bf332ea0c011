namespace HalOSwarm.Supervisor.Dashboard;

/// <summary>
/// Where the published dashboard's static files are: <c>wwwroot</c> beside the executable (a publish folder), else
/// <c>../share/hal-o-swarm/wwwroot</c> from it (the install layout: PREFIX/bin and PREFIX/share). A build run
/// (<c>dotnet hal-supervisor.dll</c>) finds them through its static web assets manifest instead.
/// </summary>
internal static class DashboardAssets
{
    public static string WebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "share", "hal-o-swarm", "wwwroot"));
        return !Directory.Exists(beside) && Directory.Exists(shared) ? shared : beside;
    }
}
