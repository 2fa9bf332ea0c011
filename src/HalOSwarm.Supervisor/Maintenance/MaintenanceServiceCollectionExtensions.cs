using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Maintenance;

internal static class MaintenanceServiceCollectionExtensions
{
    /// <summary>The <c>retention</c> section, event retention and its write op; the backup endpoint is mapped by <see cref="BackupApi"/>.</summary>
    public static IServiceCollection AddMaintenance(this IServiceCollection services)
    {
        services.AddSupervisorOptions<RetentionOptions, RetentionOptionsValidator>(RetentionOptions.SectionName);
        services.AddSingleton<RetentionStore>();
        services.AddWriteHandler<EventsPurge, EventsPurgeHandler>();
        services.AddSingleton<EventRetentionService>();
        services.AddLeaderService<EventRetentionService>();
        return services;
    }
}
