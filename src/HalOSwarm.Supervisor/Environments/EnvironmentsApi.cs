namespace HalOSwarm.Supervisor.Environments;

/// <summary>The HTTP API of the feature: Environment manifests per project: check, drift, provision, AGENT.md templates.</summary>
internal static class EnvironmentsApi
{
    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEnvProvisionApi();
        return endpoints;
    }
}
