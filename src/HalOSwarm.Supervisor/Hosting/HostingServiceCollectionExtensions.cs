using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>The host's own sections (<c>server</c>: listeners and the agent link's timing; <c>logging</c>) and its start-up line.</summary>
    public static IServiceCollection AddSupervisorHosting(this IServiceCollection services)
    {
        services.AddSupervisorOptions<ServerOptions, ServerOptionsValidator>(ServerOptions.SectionName);
        services.AddSupervisorOptions<LoggingOptions, LoggingOptionsValidator>(LoggingOptions.SectionName);
        services.AddHostedService<StartupAnnouncer>();
        return services;
    }
}
