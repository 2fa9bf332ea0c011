namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>The HTTP API of the feature: The login status of the nodes' agent programs, and remote device-code login.</summary>
internal static class ToolAuthApi
{
    public static IEndpointRouteBuilder MapToolAuthApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
