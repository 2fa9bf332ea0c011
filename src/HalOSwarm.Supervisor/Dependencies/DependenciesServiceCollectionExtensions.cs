using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Policies;

namespace HalOSwarm.Supervisor.Dependencies;

internal static class DependenciesServiceCollectionExtensions
{
    /// <summary>The <c>dependencies</c> section and the scheduler that starts dependents; needs <see cref="PolicyServiceCollectionExtensions.AddPolicies"/>.</summary>
    public static IServiceCollection AddDependencyScheduling(this IServiceCollection services)
    {
        services.AddSupervisorOptions<DependencyOptions, DependencyOptionsValidator>(DependencyOptions.SectionName, DependencyConfiguration.Check);
        services.AddSingleton<DependencyStore>();
        services.AddSingleton<DependencyScheduler>();
        services.AddLeaderService<DependencyScheduler>();
        return services;
    }
}
