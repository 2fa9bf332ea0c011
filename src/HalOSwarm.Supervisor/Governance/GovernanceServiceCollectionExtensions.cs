namespace HalOSwarm.Supervisor.Governance;

internal static class GovernanceServiceCollectionExtensions
{
    /// <summary>The governance charter: session limits, tool-call rules, prompt limits.</summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        return services;
    }
}
