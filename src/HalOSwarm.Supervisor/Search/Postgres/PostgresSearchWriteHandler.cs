using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Postgres;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>
/// Applies <see cref="SearchIndexWrite"/> on PostgreSQL, on the writer's connection: one <c>search_index</c> row per
/// document (its text, and the tsvector of its <see cref="PostgresSearchText.Words"/>; replaced if it is there already),
/// and the indexer's cursor. As on SQLite, a document whose event retention deleted meanwhile is skipped, and the
/// project is the event's own, else its session's.
/// </summary>
internal sealed class PostgresSearchWriteHandler : IWriteHandler<SearchIndexWrite>
{
    private readonly DbCommand _insert;
    private readonly DbCommand _cursor;

    public PostgresSearchWriteHandler(PostgresWriteContext context)
    {
        _insert = context.Prepare($"""
            INSERT INTO search_index (event_id, text, words, session_id, node_id, project, type, ts)
            SELECT @id, @text, to_tsvector('{PostgresSearchText.Configuration}', @words), @session, @node,
                   coalesce(@project, (SELECT project FROM sessions WHERE session_id = @session)), @type, @ts
            WHERE EXISTS (SELECT 1 FROM events WHERE id = @id)
            ON CONFLICT (event_id) DO UPDATE SET text = excluded.text, words = excluded.words, session_id = excluded.session_id,
                node_id = excluded.node_id, project = excluded.project, type = excluded.type, ts = excluded.ts
            """, "@id", "@text", "@words", "@session", "@node", "@project", "@type", "@ts");
        _cursor = context.Prepare("""
            INSERT INTO event_cursors (consumer, last_id, updated_at) VALUES (@c, @id, @at)
            ON CONFLICT (consumer) DO UPDATE SET last_id = greatest(event_cursors.last_id, excluded.last_id), updated_at = excluded.updated_at
            """, "@c", "@id", "@at");
    }

    public void Apply(SearchIndexWrite op, WriteBatch batch)
    {
        foreach (var d in op.Documents)
        {
            // PostgreSQL's text holds no NUL character (a JSON string may): it becomes a space.
            var text = d.Text.Replace('\0', ' ');
            _insert.Run(d.EventId, text, PostgresSearchText.Words(text), d.SessionId, d.NodeId, d.Project, d.Type, SqliteTime.Format(d.Ts));
        }
        _cursor.Run(SearchIndexer.Consumer, op.LastId, SqliteTime.Format(batch.Now));
        batch.Completed(op);
    }
}
