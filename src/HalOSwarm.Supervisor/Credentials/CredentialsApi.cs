namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The HTTP API of the feature: Versioned credentials pushed to nodes, encrypted at rest, and their sync state.</summary>
internal static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
