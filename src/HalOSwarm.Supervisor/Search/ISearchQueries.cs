namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// The read side of search, what the API and the dashboard call. Each storage provider implements it with its own
/// full-text engine (SQLite: FTS5, <see cref="Sqlite.SqliteSearchQueries"/>); the query reaching it is already parsed,
/// so no provider ever sees the user's syntax.
/// </summary>
internal interface ISearchQueries
{
    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}
