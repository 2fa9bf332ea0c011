using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Search.Postgres;
using HalOSwarm.Supervisor.Search.Sqlite;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Search;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The <c>search</c> section, the indexer that follows the event feed, and both providers' sides of the seam (SQLite:
    /// FTS5; PostgreSQL: tsvector and GIN); which one serves the queries, the cursor and the index's write op is
    /// <c>database.provider</c>'s choice, made when they are first resolved.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSupervisorOptions<SearchOptions, SearchOptionsValidator>(SearchOptions.SectionName);
        services.AddSingleton<SqliteSearchQueries>();
        services.AddSingleton<SqliteSearchCursor>();
        services.AddScoped<SqliteSearchWriteHandler>();
        services.AddSingleton<PostgresSearchQueries>();
        services.AddSingleton<PostgresSearchCursor>();
        services.AddScoped<PostgresSearchWriteHandler>();
        services.AddSingleton(sp => ProviderServices.Pick<ISearchQueries, SqliteSearchQueries, PostgresSearchQueries>(sp));
        services.AddSingleton(sp => ProviderServices.Pick<ISearchCursor, SqliteSearchCursor, PostgresSearchCursor>(sp));
        services.AddWriteHandler<SearchIndexWrite, SearchIndexWriteHandler>();
        services.AddSingleton<SearchIndexer>();
        services.AddLeaderService<SearchIndexer>();
        return services;
    }
}
