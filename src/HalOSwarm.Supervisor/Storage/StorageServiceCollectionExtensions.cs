using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Postgres;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>database</c> section, both providers and the storage writer; which provider serves
    /// <see cref="IDatabase"/>, <see cref="IWriteContext"/> and the probe is <c>database.provider</c>'s choice, made when
    /// they are first resolved. Call before any feature that uses the database (features then add their write handlers).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, SupervisorPaths paths)
    {
        services.AddSupervisorOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.SectionName);
        services.AddSingleton(paths);

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<SqliteWriteContext>();

        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresProbe>();
        services.AddSingleton<PostgresInitializer>();
        services.AddScoped<PostgresWriteContext>();

        services.AddSingleton(sp => ProviderServices.Pick<IDatabase, SqliteDatabase, PostgresDatabase>(sp));
        services.AddSingleton(sp => ProviderServices.Pick<IDatabaseProbe, DatabaseProbe, PostgresProbe>(sp));
        services.AddScoped(sp => ProviderServices.Pick<IWriteContext, SqliteWriteContext, PostgresWriteContext>(sp));
        services.AddScoped(sp => ProviderServices.Pick<IWriteTransaction, SqliteWriteContext, PostgresWriteContext>(sp));
        // First among the hosted services: the schema is there before anything reads or writes.
        services.AddHostedService<StorageInitializer>();
        services.AddStorageWriter();
        return services;
    }
}
