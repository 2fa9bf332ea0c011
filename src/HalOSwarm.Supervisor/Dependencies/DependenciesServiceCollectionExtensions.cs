using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Dependencies;

internal static class DependenciesServiceCollectionExtensions
{
    /// <summary>The <c>dependencies</c> section and the scheduler that starts dependents; needs <see cref="PolicyServiceCollectionExtensions.AddPolicies"/>.</summary>
    public static IServiceCollection AddDependencyScheduling(this IServiceCollection services)
    {
        services.AddOptions<DependencyOptions>().BindConfiguration(DependencyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DependencyOptions>, DependencyOptionsValidator>();
        services.AddSingleton<DependencyStore>();
        services.AddSingleton<DependencyScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DependencyScheduler>());
        return services;
    }
}
