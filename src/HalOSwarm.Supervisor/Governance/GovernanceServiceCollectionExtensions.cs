using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Governance;

internal static class GovernanceServiceCollectionExtensions
{
    /// <summary>
    /// The governance charter (the <c>charter</c> section): session limits and prompt limits as a command gate, tool-call
    /// rules in front of the approvals' own, the longest session as a periodic check, and <c>GET /api/v1/charter</c>.
    /// </summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddSupervisorOptions<CharterOptions, CharterOptionsValidator>(CharterOptions.SectionName, CharterConfiguration.Check);
        services.AddSingleton<CharterBook>();
        services.AddSingleton<CharterCounts>();
        services.AddSingleton<CharterViolations>();
        services.AddSingleton<CharterGate>();
        services.AddSingleton<ICommandGate>(sp => sp.GetRequiredService<CharterGate>());
        services.AddSingleton<CharterApprovalRules>();
        services.AddSingleton<IApprovalRuleSource>(sp => sp.GetRequiredService<CharterApprovalRules>());
        services.AddSingleton<CharterSessionTimer>();
        services.AddLeaderService<CharterSessionTimer>();
        return services;
    }
}
