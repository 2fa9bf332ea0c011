using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Approvals;

internal static class ApprovalsServiceCollectionExtensions
{
    /// <summary>The <c>approvals</c> section and pending permission requests: the store, rules, answering, the event watcher and the timeout.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddSupervisorOptions<ApprovalsOptions, ApprovalsOptionsValidator>(ApprovalsOptions.SectionName);
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<ApprovalRuleMatcher>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalWatcher>();
        services.AddLeaderService<ApprovalWatcher>();
        services.AddSingleton<ApprovalExpiry>();
        services.AddLeaderService<ApprovalExpiry>();
        return services;
    }
}
