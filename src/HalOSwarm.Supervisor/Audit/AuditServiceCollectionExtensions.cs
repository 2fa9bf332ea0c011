using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Audit;

internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditStore>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditStore>());
        services.AddWriteHandler<AuditInsert, AuditWriteHandler>();
        services.AddWriteHandler<AuditComplete, AuditWriteHandler>();
        services.AddHostedService<AuditRetentionService>();
        return services;
    }
}
