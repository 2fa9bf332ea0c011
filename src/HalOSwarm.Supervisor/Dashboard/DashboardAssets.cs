namespace HalOSwarm.Supervisor.Dashboard;

/// <summary>
/// Where the dashboard's static files and their manifest (<c>hal-supervisor.staticwebassets.endpoints.json</c>) are:
/// beside the executable (a build or publish folder), else <c>../share/hal-o-swarm/</c> from it (the release and install
/// layout: PREFIX/bin/hal-supervisor and PREFIX/share/hal-o-swarm/{wwwroot, manifest}). A build run
/// (<c>dotnet hal-supervisor.dll</c>) serves the library's files from the package folders its runtime manifest names.
/// </summary>
internal static class DashboardAssets
{
    public const string ManifestName = "hal-supervisor.staticwebassets.endpoints.json";

    public static string Folder()
    {
        var beside = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(beside, ManifestName)))
        {
            return beside;
        }
        var shared = Path.GetFullPath(Path.Combine(beside, "..", "share", "hal-o-swarm"));
        return File.Exists(Path.Combine(shared, ManifestName)) ? shared : beside;
    }

    public static string WebRoot() => Path.Combine(Folder(), "wwwroot");

    /// <summary>The manifest's path, or null (then the pages load without styles and live connection: see the log).</summary>
    public static string? ManifestPath() => Path.Combine(Folder(), ManifestName) is var path && File.Exists(path) ? path : null;
}
