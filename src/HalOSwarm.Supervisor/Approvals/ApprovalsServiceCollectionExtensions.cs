using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HalOSwarm.Supervisor.Approvals;

internal static class ApprovalsServiceCollectionExtensions
{
    /// <summary>Pending permission requests: the store, rules, answering, the event watcher and the timeout.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.TryAddSingleton<EventFeed>();
        services.TryAddSingleton<EventCursorStore>();
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<ApprovalRuleMatcher>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalWatcher>());
        services.AddSingleton<ApprovalExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalExpiry>());
        return services;
    }
}
