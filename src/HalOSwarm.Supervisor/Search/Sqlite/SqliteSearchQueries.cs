using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Search.Sqlite;

/// <summary>
/// Search over SQLite's FTS5 table <c>search_index</c> (migration 0015), on a reader connection of its own. Hits come
/// newest first (by event id, which FTS5 walks backwards without sorting, so a page costs the same on page 1 and page
/// 50); the filters are checked on the matching rows as they come.
/// </summary>
internal sealed class SqliteSearchQueries(SqliteDatabase database) : ISearchQueries
{
    /// <summary>Tokens of text around the match in a snippet (FTS5 allows 1–64).</summary>
    public const int SnippetTokens = 16;

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = new List<string> { "search_index MATCH $match" };
        command.Parameters.AddWithValue("$match", Fts5Expression.From(request.Query));
        Filter(command, where, "project = $project", "$project", request.Project);
        Filter(command, where, "session_id = $session", "$session", request.SessionId);
        Filter(command, where, "node_id = $node", "$node", request.NodeId);
        Filter(command, where, "ts >= $since", "$since", SqliteTime.Format(request.Since));
        Filter(command, where, "ts < $until", "$until", SqliteTime.Format(request.Until));
        Filter(command, where, "rowid < $before", "$before", request.Before);
        command.CommandText = $"""
            SELECT rowid, session_id, node_id, project, type, ts,
                   snippet(search_index, 0, '{SearchHit.MarkStart}', '{SearchHit.MarkEnd}', '…', {SnippetTokens})
            FROM search_index WHERE {string.Join(" AND ", where)}
            ORDER BY rowid DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", request.Limit + 1);
        var hits = new List<SearchHit>(request.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), SqliteTime.Parse(reader.GetString(5)), reader.GetString(6)));
        }
        if (hits.Count <= request.Limit)
        {
            return new SearchPage(hits, null);
        }
        hits.RemoveAt(hits.Count - 1);
        return new SearchPage(hits, hits[^1].EventId);
    }

    private static void Filter(Microsoft.Data.Sqlite.SqliteCommand command, List<string> where, string condition, string name, object? value)
    {
        if (value is not null)
        {
            where.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }
    }
}
