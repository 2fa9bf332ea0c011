using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Target;
using Npgsql;
using NpgsqlTypes;

namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// PostgreSQL's ceiling for what the supervisor does per event: binary <c>COPY</c> of the same rows the fleet sends, in
/// the order it sends them (as <see cref="SqliteCeiling"/>), from this process over one connection, a fixed number of
/// rows per transaction, into a fresh database of its own on the server of <c>--postgres</c>.
/// </summary>
internal static class PostgresCeiling
{
    private const int FrameEvents = 100;

    /// <summary>The supervisor's <c>events</c> table on PostgreSQL with its primary key only.</summary>
    public const string PrimaryKeyOnly = """
        CREATE TABLE events (
            id         bigint PRIMARY KEY,
            node_id    TEXT NOT NULL,
            seq        bigint,
            type       TEXT NOT NULL,
            session_id TEXT,
            ts         TEXT NOT NULL,
            data       TEXT NOT NULL
        );
        """;

    /// <summary>
    /// The supervisor's <c>events</c> table on PostgreSQL and its indexes
    /// (src/HalOSwarm.Supervisor/Storage/Postgres/Migrations/0001_initial.sql — keep in step).
    /// </summary>
    public const string Supervisor = PrimaryKeyOnly + """
        CREATE INDEX ix_events_node ON events (node_id, id);
        CREATE INDEX ix_events_session ON events (session_id, id);
        CREATE INDEX ix_events_ts ON events (ts, id);
        CREATE INDEX ix_events_type ON events (type, id) WHERE type <> 'message.delta';
        """;

    /// <summary>Rows/s of the copy, and the CPU of the server's processes meanwhile (% of one core; NaN when the server is elsewhere).</summary>
    public static async Task<(double RowsPerSecond, double ServerCpuPercent)> RowsPerSecondAsync(PostgresServer postgres, string runId, string schema, long rows, int rowsPerTransaction, CancellationToken cancellationToken)
    {
        var database = await postgres.CreateDatabaseAsync(runId, "ceiling", cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = schema;
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }
            var fleet = FleetRows.Create("bench-ceiling-");
            var ts = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

            // Synchronous writes, as the supervisor's writer does them: the row loop costs no task machinery.
            var server = new Measure.ProcessGroupCpu("postgres");
            var before = server.Read();
            var watch = Stopwatch.StartNew();
            for (var done = 0L; done < rows && !cancellationToken.IsCancellationRequested;)
            {
                using var transaction = connection.BeginTransaction();
                using (var importer = connection.BeginBinaryImport("COPY events (id, node_id, seq, type, session_id, ts, data) FROM STDIN (FORMAT BINARY)"))
                {
                    for (var i = 0; i < rowsPerTransaction && done < rows; i++, done++)
                    {
                        var (node, seq) = FleetRows.InSendOrder(done, FrameEvents);
                        var (nodeId, type, sessionId, data) = fleet.Row(node, seq);
                        importer.StartRow();
                        importer.Write(done + 1, NpgsqlDbType.Bigint);
                        importer.Write(nodeId, NpgsqlDbType.Text);
                        importer.Write(seq, NpgsqlDbType.Bigint);
                        importer.Write(type, NpgsqlDbType.Text);
                        importer.Write(sessionId, NpgsqlDbType.Text);
                        importer.Write(ts, NpgsqlDbType.Text);
                        importer.Write(data, NpgsqlDbType.Text);
                    }
                    importer.Complete();
                }
                transaction.Commit();
            }
            var rate = rows / watch.Elapsed.TotalSeconds;
            // read while the copying backend still runs: its time leaves with it
            return (rate, Measure.ProcessGroupCpu.Percent(before, server.Read()));
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }
}
