using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>The <c>database</c> section, the database and its initializer; call before any feature that uses the database.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SupervisorPaths paths)
    {
        services.AddSupervisorOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.SectionName);
        services.AddSingleton(paths);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseProbe>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
