using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

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
        // The runner checks; the service the other features get stores every report and records its events.
        services.AddSingleton<EnvCheckRunner>();
        services.AddSingleton<IEnvChecks, EnvCheckService>();
        services.AddSingleton<EnvReportStore>();
        services.AddSingleton<EnvHosts>();
        services.AddWriteHandler<EnvReportWrite, EnvReportWriteHandler>();
        services.AddLeaderService<EnvCheckScheduler>();
        services.AddEnvProvisioning();
        return services;
    }
}
