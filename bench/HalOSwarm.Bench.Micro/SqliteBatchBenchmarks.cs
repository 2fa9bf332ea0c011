using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Micro;

/// <summary>
/// One write transaction of 1,000 event rows into a table shaped like the supervisor's <c>events</c> table (WAL,
/// synchronous=NORMAL, one prepared command). Reported per row. Self-contained: the schema is copied here.
/// </summary>
[MemoryDiagnoser]
public class SqliteBatchBenchmarks : IDisposable
{
    private const int RowsPerTransaction = 1000;
    private const string Data = """{"message_id":"msg_0_1","part_id":"prt_1","text":"Let me look at the failing test first. The assertion compares the parsed config with the defaults."}""";
    private static readonly string[] s_parameters = ["$node", "$seq", "$type", "$session", "$ts", "$data"];

    private string _directory = "";
    private SqliteConnection _connection = null!;
    private SqliteCommand _insert = null!;
    private SqliteParameter[] _p = [];
    private long _seq;

    /// <summary>Supervisor: the supervisor's table with its four secondary indexes; PrimaryKey: PK (node_id, seq) only.</summary>
    [Params("Supervisor", "PrimaryKey")]
    public string Schema { get; set; } = "Supervisor";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("hal-bench-micro-").FullName;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "events.db"), Pooling = false }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; " + (Schema == "Supervisor" ? SupervisorSchema : PrimaryKeySchema);
            setup.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO events (node_id, seq, type, session_id, ts, data) VALUES ($node, $seq, $type, $session, $ts, $data)";
        _p = [.. s_parameters.Select(name => _insert.Parameters.Add(new SqliteParameter { ParameterName = name }))];
        _insert.Prepare();
    }

    [Benchmark(OperationsPerInvoke = RowsPerTransaction)]
    public void InsertTransactionOf1000()
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        for (var i = 0; i < RowsPerTransaction; i++)
        {
            _seq++;
            _p[0].Value = "node-" + (_seq % 200);
            _p[1].Value = _seq;
            _p[2].Value = "message.delta";
            _p[3].Value = "ses_bench_001";
            _p[4].Value = "2026-11-25T12:00:00.0000000Z";
            _p[5].Value = Data;
            _insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _insert?.Dispose();
        _connection?.Dispose();
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private const string SupervisorSchema = """
        CREATE TABLE events (id INTEGER PRIMARY KEY, node_id TEXT NOT NULL, seq INTEGER, type TEXT NOT NULL,
                             session_id TEXT, ts TEXT NOT NULL, data TEXT NOT NULL);
        CREATE UNIQUE INDEX ux_events_node_seq ON events (node_id, seq);
        CREATE INDEX ix_events_node ON events (node_id, id);
        CREATE INDEX ix_events_session ON events (session_id, id);
        CREATE INDEX ix_events_type ON events (type, id);
        """;

    private const string PrimaryKeySchema = """
        CREATE TABLE events (node_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, session_id TEXT,
                             ts TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (node_id, seq));
        """;
}
