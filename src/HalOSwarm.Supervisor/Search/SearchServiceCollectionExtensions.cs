using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Search.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Search;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The <c>search</c> section, the indexer that follows the event feed, and the SQLite side of the seam (FTS5 queries,
    /// the index's write op, the cursor); another storage provider registers its own three instead.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSupervisorOptions<SearchOptions, SearchOptionsValidator>(SearchOptions.SectionName);
        services.AddSingleton<ISearchQueries, SqliteSearchQueries>();
        services.AddSingleton<ISearchCursor, SqliteSearchCursor>();
        services.AddWriteHandler<SearchIndexWrite, SqliteSearchWriteHandler>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        return services;
    }
}
