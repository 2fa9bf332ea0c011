namespace HalOSwarm.Supervisor.Governance;

/// <summary>The HTTP API of the feature: The governance charter: session limits, tool-call rules, prompt limits.</summary>
internal static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
