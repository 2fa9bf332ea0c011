using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Environments;

internal static class EnvironmentsServiceCollectionExtensions
{
    /// <summary>Environment manifests per project: check, drift, provision, AGENT.md templates.</summary>
    public static IServiceCollection AddEnvironments(this IServiceCollection services)
    {
        services.AddSupervisorOptions<EnvironmentsOptions, EnvironmentsOptionsValidator>(EnvironmentsOptions.SectionName, check: (configuration, errors) =>
        {
            var options = SupervisorConfiguration.Bind<EnvironmentsOptions>(configuration, EnvironmentsOptions.SectionName);
            if (new EnvironmentsOptionsValidator().Validate(null, options) is { Failed: true } result)
            {
                errors.AddRange(result.Failures);
            }
            EnvManifestKeys.Check(configuration, errors);
        });
        services.AddSingleton<EnvTemplates>();
        services.AddSingleton<IEnvManifests, EnvManifests>();
        services.AddSingleton<IEnvChecks, EnvCheckRunner>();
        services.AddEnvProvisioning();
        return services;
    }
}
