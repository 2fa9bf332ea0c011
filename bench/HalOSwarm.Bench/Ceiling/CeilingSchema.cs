namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// The tables the ceiling inserts into. <see cref="Supervisor"/> mirrors the supervisor's <c>events</c> table and
/// its indexes (src/HalOSwarm.Supervisor/Storage/Sqlite/Migrations/0001_initial.sql as changed by
/// 0005_cheaper_event_indexes.sql — keep in step);
/// <see cref="PrimaryKeyOnly"/> is the shape of the machine baseline (PK (node_id, seq), no other index).
/// </summary>
internal static class CeilingSchema
{
    /// <summary>
    /// The supervisor's writer connection (src/HalOSwarm.Supervisor/Storage/Sqlite/WriterPragmas.cs and the
    /// journal mode of MigrationRunner.cs — keep in step); <c>synchronous</c> is set apart, from <c>--synchronous</c>.
    /// </summary>
    public const string WriterPragmas = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;";

    public const string Supervisor = """
        CREATE TABLE events (
            id         INTEGER PRIMARY KEY,
            node_id    TEXT NOT NULL,
            seq        INTEGER,
            type       TEXT NOT NULL,
            session_id TEXT,
            ts         TEXT NOT NULL,
            data       TEXT NOT NULL
        );
        CREATE INDEX ix_events_node ON events (node_id, id);
        CREATE INDEX ix_events_session ON events (session_id, id);
        CREATE INDEX ix_events_type ON events (type, id) WHERE type <> 'message.delta';
        CREATE INDEX ix_events_ts ON events (ts, id);
        """;

    public const string PrimaryKeyOnly = """
        CREATE TABLE events (
            node_id    TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            type       TEXT NOT NULL,
            session_id TEXT,
            ts         TEXT NOT NULL,
            data       TEXT NOT NULL,
            PRIMARY KEY (node_id, seq)
        );
        """;
}
