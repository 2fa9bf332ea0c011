using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

internal static class EnvProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Provisioning: the proposals store, the provisioner, the automatic round and AGENT.md sync. The automatic round is an
    /// <see cref="IEnvCheckObserver"/>: <see cref="EnvCheckService"/> tells it of every report.
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
        services.AddLeaderService<EnvAutoProvisioner>();
        return services;
    }
}
