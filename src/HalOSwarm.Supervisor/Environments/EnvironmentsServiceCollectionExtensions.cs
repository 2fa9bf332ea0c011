namespace HalOSwarm.Supervisor.Environments;

internal static class EnvironmentsServiceCollectionExtensions
{
    /// <summary>Environment manifests per project: check, drift, provision, AGENT.md templates.</summary>
    public static IServiceCollection AddEnvironments(this IServiceCollection services)
    {
        return services;
    }
}
