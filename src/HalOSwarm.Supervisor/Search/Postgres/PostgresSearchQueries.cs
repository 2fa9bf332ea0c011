using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Postgres;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>
/// Search over PostgreSQL's <c>search_index</c> (migration 0002): the query (<see cref="PostgresSearchExpression"/>)
/// matched against the GIN-indexed tsvector, the filters on the matching rows, newest first by event id and paged by
/// it, as on SQLite; the snippets are made for the page's hits only. The snippet is <c>ts_headline</c>'s fragment around the match (matched words marked; a word
/// found only by its accent-free form is found but not marked), <c>…</c> where the text goes on.
/// </summary>
internal sealed class PostgresSearchQueries(PostgresDatabase database) : ISearchQueries
{
    /// <summary>Most words of text in a snippet (about what SQLite's 16 tokens show).</summary>
    public const int SnippetWords = 24;

    private static readonly string s_headline =
        $"StartSel={SearchHit.MarkStart}, StopSel={SearchHit.MarkEnd}, MaxWords={SnippetWords}, MinWords=12, ShortWord=0, MaxFragments=1";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var match = PostgresSearchExpression.From(request.Query, command);
        var where = new List<string> { "s.words @@ q.query" };
        Filter(command, where, "s.project = @project", "@project", request.Project);
        Filter(command, where, "s.session_id = @session", "@session", request.SessionId);
        Filter(command, where, "s.node_id = @node", "@node", request.NodeId);
        Filter(command, where, "s.ts >= @since", "@since", SqliteTime.Format(request.Since));
        Filter(command, where, "s.ts < @until", "@until", SqliteTime.Format(request.Until));
        Filter(command, where, "s.event_id < @before", "@before", request.Before);
        command.CommandText = $"""
            WITH q AS (SELECT {match} AS query),
            hits AS (
                SELECT s.event_id FROM search_index s, q WHERE {string.Join(" AND ", where)}
                ORDER BY s.event_id DESC LIMIT @limit),
            marked AS (
                SELECT s.event_id, s.session_id, s.node_id, s.project, s.type, s.ts, s.text,
                       ts_headline('{PostgresSearchText.Configuration}', s.text, q.query, @headline) AS snippet
                FROM hits JOIN search_index s ON s.event_id = hits.event_id, q),
            placed AS (
                SELECT *, strpos(text, replace(replace(snippet, '{SearchHit.MarkStart}', ''), '{SearchHit.MarkEnd}', '')) AS at,
                       length(replace(replace(snippet, '{SearchHit.MarkStart}', ''), '{SearchHit.MarkEnd}', '')) AS len
                FROM marked)
            SELECT event_id, session_id, node_id, project, type, ts,
                   CASE WHEN at > 1 AND left(text, at - 1) ~ '[[:alnum:]]' THEN '… ' ELSE '' END || snippet ||
                   CASE WHEN at > 0 AND substr(text, at + len) ~ '[[:alnum:]]' THEN ' …' ELSE '' END
            FROM placed ORDER BY event_id DESC
            """;
        command.AddParameter("@headline", s_headline);
        command.AddParameter("@limit", request.Limit + 1);
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

    private static void Filter(DbCommand command, List<string> where, string condition, string name, object? value)
    {
        if (value is not null)
        {
            where.Add(condition);
            command.AddParameter(name, value);
        }
    }
}
