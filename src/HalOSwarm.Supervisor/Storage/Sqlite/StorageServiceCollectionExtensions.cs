namespace HalOSwarm.Supervisor.Storage.Sqlite;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database and its initializer; call before any feature that uses the database.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SupervisorPaths paths)
    {
        services.AddSingleton(paths);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseProbe>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
