using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

internal static class EnvProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Provisioning: the proposals store, the provisioner, the automatic round and AGENT.md sync. Call after
    /// <see cref="IEnvChecks"/> is registered: the registered checks are wrapped so every report reaches the
    /// <see cref="IEnvCheckObserver"/>s.
    /// </summary>
    public static IServiceCollection AddEnvProvisioning(this IServiceCollection services)
    {
        services.AddSingleton<EnvProposalStore>();
        services.AddWriteHandler<EnvProposalInsert, EnvProposalWriteHandler>();
        services.AddWriteHandler<EnvProposalTransition, EnvProposalWriteHandler>();
        services.AddSingleton<EnvApplyRunner>();
        services.AddSingleton<EnvProvisionTargets>();
        services.AddSingleton<EnvProvisioner>();
        services.AddSingleton<EnvProposalDecisions>();
        services.AddSingleton<EnvAgentsMdSync>();
        services.AddSingleton<EnvAutoProvisioner>();
        services.AddSingleton<IEnvCheckObserver>(sp => sp.GetRequiredService<EnvAutoProvisioner>());
        services.AddHostedService(sp => sp.GetRequiredService<EnvAutoProvisioner>());

        var checks = services.Last(d => d.ServiceType == typeof(IEnvChecks));
        services.Remove(checks);
        services.AddSingleton<IEnvChecks>(sp => new ObservedEnvChecks(Create(sp, checks), sp.GetServices<IEnvCheckObserver>()));
        return services;
    }

    private static IEnvChecks Create(IServiceProvider services, ServiceDescriptor descriptor) => (IEnvChecks)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
