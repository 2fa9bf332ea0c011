using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Search.Sqlite;

/// <summary>
/// Applies <see cref="SearchIndexWrite"/> on the writer's thread: one <c>search_index</c> row per document (rowid = the
/// event's id; replaced if it is there already), and the indexer's cursor. A document whose event retention deleted
/// meanwhile is skipped, so the index never holds a hit that leads nowhere. The project is the event's own, else its
/// session's (read here, on the writer's connection, where the session row is sure to be).
/// </summary>
internal sealed class SqliteSearchWriteHandler : IWriteHandler<SearchIndexWrite>
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _cursor;

    public SqliteSearchWriteHandler(SqliteWriteContext context)
    {
        _insert = context.Prepare("""
            INSERT OR REPLACE INTO search_index (rowid, text, session_id, node_id, project, type, ts)
            SELECT $id, $text, $session, $node, coalesce($project, (SELECT project FROM sessions WHERE session_id = $session)), $type, $ts
            WHERE EXISTS (SELECT 1 FROM events WHERE id = $id)
            """, "$id", "$text", "$session", "$node", "$project", "$type", "$ts");
        _cursor = context.Prepare("""
            INSERT INTO event_cursors (consumer, last_id, updated_at) VALUES ($c, $id, $at)
            ON CONFLICT (consumer) DO UPDATE SET last_id = max(last_id, excluded.last_id), updated_at = excluded.updated_at
            """, "$c", "$id", "$at");
    }

    public void Apply(SearchIndexWrite op, WriteBatch batch)
    {
        foreach (var d in op.Documents)
        {
            _insert.Run(d.EventId, d.Text, d.SessionId, d.NodeId, d.Project, d.Type, SqliteTime.Format(d.Ts));
        }
        _cursor.Run(SearchIndexer.Consumer, op.LastId, SqliteTime.Format(batch.Now));
        batch.Completed(op);
    }
}
