namespace HalOSwarm.Bench.Micro;

/// <summary>The supervisor's events table and its indexes before and after migration 0005 (keep in step).</summary>
internal static class EventSchemas
{
    public const string Table = """
        CREATE TABLE events (id INTEGER PRIMARY KEY, node_id TEXT NOT NULL, seq INTEGER, type TEXT NOT NULL,
                             session_id TEXT, ts TEXT NOT NULL, data TEXT NOT NULL);
        """;

    public const string Initial = """
        CREATE UNIQUE INDEX ux_events_node_seq ON events (node_id, seq);
        CREATE INDEX ix_events_node ON events (node_id, id);
        CREATE INDEX ix_events_session ON events (session_id, id);
        CREATE INDEX ix_events_type ON events (type, id);
        CREATE INDEX ix_events_ts ON events (ts, id);
        """;

    public const string Cheaper = """
        CREATE INDEX ix_events_node ON events (node_id, id);
        CREATE INDEX ix_events_session ON events (session_id, id);
        CREATE INDEX ix_events_type ON events (type, id) WHERE type <> 'message.delta';
        CREATE INDEX ix_events_ts ON events (ts, id);
        """;
}
