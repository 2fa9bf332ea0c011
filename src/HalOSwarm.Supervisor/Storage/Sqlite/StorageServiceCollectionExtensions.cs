using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>database</c> section, the database, its initializer and the storage writer over SQLite; call before any feature that uses
    /// the database (features then add their write handlers).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SupervisorPaths paths)
    {
        services.AddSupervisorOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.SectionName);
        services.AddSingleton(paths);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<DatabaseProbe>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddScoped<SqliteWriteContext>();
        services.AddScoped<IWriteTransaction>(sp => sp.GetRequiredService<SqliteWriteContext>());
        services.AddScoped<IWriteContext>(sp => sp.GetRequiredService<SqliteWriteContext>());
        services.AddStorageWriter();
        return services;
    }
}
