using HalOSwarm.Supervisor.Dashboard.Auth;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

namespace HalOSwarm.Supervisor.Dashboard;

/// <summary>
/// The web dashboard: Blazor pages rendered on the server (Interactive Server: the browser holds a live connection, the
/// pages read the supervisor's services in-process and push changes), MudBlazor components, the session cookie
/// (<see cref="Security.SessionCookie"/>) and its sign-in.
/// </summary>
internal static class DashboardServiceCollectionExtensions
{
    /// <summary>The folder beside the database that keeps the keys sealing the dashboard's cookies.</summary>
    public const string KeysFolder = "dashboard-keys";

    public static IServiceCollection AddDashboard(this IServiceCollection services, SupervisorPaths paths)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, DashboardAuthenticationState>();
        services.AddScoped<DashboardUser>();
        services.AddScoped<Shared.DashboardApprovals>();
        services.AddSingleton<SignInLinks>();
        services.AddMudServices();
        services.AddSingleton<Fleet.FleetQueries>().AddSingleton<Fleet.FleetChanges>();
        var protection = services.AddDataProtection().SetApplicationName("hal-supervisor");
        if (KeysDirectory(paths) is { } keys)
        {
            // Kept with the database so a restart does not sign everyone out; readable by the service user only.
            protection.PersistKeysToFileSystem(keys);
        }
        return services;
    }

    private static DirectoryInfo? KeysDirectory(SupervisorPaths paths)
    {
        if (string.IsNullOrEmpty(paths.DatabasePath) || Path.GetDirectoryName(paths.DatabasePath) is not { Length: > 0 } folder)
        {
            return null;
        }
        var path = Path.Combine(folder, KeysFolder);
        if (!Directory.Exists(path) && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DirectoryInfo(path);
    }
}
