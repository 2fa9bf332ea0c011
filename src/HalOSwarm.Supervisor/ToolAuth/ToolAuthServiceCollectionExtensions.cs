using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.ToolAuth;

internal static class ToolAuthServiceCollectionExtensions
{
    /// <summary>The login status of the nodes' agent programs, and remote device-code login.</summary>
    public static IServiceCollection AddToolAuth(this IServiceCollection services)
    {
        services.AddEventProjection<ToolAuthProjection>();
        services.AddSingleton<ToolAuthQueries>();
        services.AddSingleton<NodeAuthViews>();
        services.AddSingleton<ToolAuthCommandResults>();
        return services;
    }
}
