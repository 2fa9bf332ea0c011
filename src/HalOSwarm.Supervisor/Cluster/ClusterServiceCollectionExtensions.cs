using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>This supervisor's identity, heartbeat and leadership (docs/ARCHITECTURE.md, Several supervisors).</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services)
    {
        services.AddSupervisorOptions<ClusterOptions, ClusterOptionsValidator>(ClusterOptions.SectionName);
        services.AddSingleton<SupervisorIdentity>();
        services.AddSingleton<SoleLeadership>();
        services.AddSingleton<PostgresLeadership>();
        services.AddSingleton(sp => ProviderServices.Pick<ILeadership, SoleLeadership, PostgresLeadership>(sp));
        services.AddSingleton<ClusterQueries>();
        services.AddWriteHandler<SupervisorBeat, SupervisorBeatHandler>();
        services.AddSingleton<SupervisorHeartbeat>();
        // Several supervisors exist only on PostgreSQL; on SQLite nothing listens (and no PostgreSQL part is created).
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? ActivatorUtilities.CreateInstance<ClusterNotifications>(sp)
            : new Hosting.NoWork());
        return services;
    }

    /// <summary>
    /// Makes <typeparamref name="T"/> a fleet-wide service: started by <see cref="LeaderServices"/> on the leader only,
    /// instead of as a hosted service of every supervisor.
    /// </summary>
    public static IServiceCollection AddLeaderService<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.TryAddSingleton<T>();
        services.AddSingleton(new LeaderServiceRegistration(typeof(T)));
        return services;
    }

    /// <summary>
    /// Registers the host of the leader-only services after every feature, so they start last and stop first; then the
    /// heartbeat, whose first beat so says already whether this supervisor took the lead.
    /// </summary>
    public static IServiceCollection AddLeaderServices(this IServiceCollection services)
    {
        services.AddHostedService<LeaderServices>();
        services.AddHostedService(sp => sp.GetRequiredService<SupervisorHeartbeat>());
        return services;
    }
}
