using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HalOSwarm.Supervisor.Credentials;

internal static class CredentialsServiceCollectionExtensions
{
    /// <summary>Versioned credentials pushed to nodes, encrypted at rest, and their sync state.</summary>
    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.TryAddSingleton<ICredentialSync, NoCredentialSync>();
        return services;
    }
}
