using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Search.Postgres;
using HalOSwarm.Supervisor.Search.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

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
        services.AddSingleton(sp => Pick<ISearchQueries, SqliteSearchQueries, PostgresSearchQueries>(sp));
        services.AddSingleton(sp => Pick<ISearchCursor, SqliteSearchCursor, PostgresSearchCursor>(sp));
        services.AddWriteHandler<SearchIndexWrite, SearchIndexWriteHandler>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        return services;
    }

    private static TService Pick<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TSqlite : TService
        where TPostgres : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? services.GetRequiredService<TPostgres>()
            : services.GetRequiredService<TSqlite>();
}
