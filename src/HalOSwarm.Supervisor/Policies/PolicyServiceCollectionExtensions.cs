using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Policies;

internal static class PolicyServiceCollectionExtensions
{
    /// <summary>The <c>policies</c> section and the engine that runs them; also the session reads the scheduler shares.</summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddSupervisorOptions<PolicyOptions, PolicyOptionsValidator>(PolicyOptions.SectionName);
        services.AddSingleton<IPolicySessionSource, PolicySessionSource>();
        services.AddSingleton<PolicyStateStore>();
        services.AddSingleton<PolicyExecutor>();
        services.AddSingleton<PolicyEngine>();
        services.AddLeaderService<PolicyEngine>();
        return services;
    }
}
