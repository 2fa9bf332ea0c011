using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Credentials;

internal static class CredentialsServiceCollectionExtensions
{
    /// <summary>Versioned credentials pushed to nodes, encrypted at rest, and their sync state.</summary>
    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.AddSupervisorOptions<CredentialsOptions, CredentialsOptionsValidator>(CredentialsOptions.SectionName);
        services.AddSingleton<CredentialCipher>();
        services.AddSingleton<CredentialStore>();
        services.AddWriteHandler<CredentialInsert, CredentialWriteHandler>();
        services.AddSingleton<CredentialStateReader>();
        services.AddSingleton<CredentialSync>();
        services.AddSingleton<ICredentialSync>(sp => sp.GetRequiredService<CredentialSync>());
        services.AddSingleton<ICommandWireArgs, CredentialDelivery>();
        return services;
    }
}
