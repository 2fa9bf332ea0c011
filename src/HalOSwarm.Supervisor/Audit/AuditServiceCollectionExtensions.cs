using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>The <c>security.audit</c> section, the audit log and its retention.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSupervisorOptions<AuditOptions, AuditOptionsValidator>(AuditOptions.SectionName);
        services.AddSingleton<AuditStore>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditStore>());
        services.AddWriteHandler<AuditInsert, AuditWriteHandler>();
        services.AddWriteHandler<AuditComplete, AuditWriteHandler>();
        services.AddLeaderService<AuditRetentionService>();
        return services;
    }
}
