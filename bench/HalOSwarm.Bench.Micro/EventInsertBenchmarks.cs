using BenchmarkDotNet.Attributes;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Micro;

/// <summary>
/// One writer transaction of 1,000 events (200 nodes interleaved in frames of 5, 10 sessions each), per event:
/// the event indexes of migration 0001 against those after 0005 (no unique (node_id, seq), message.delta kept out
/// of the type index), each inserted with Microsoft.Data.Sqlite parameters by name and string data (the writer
/// before) or with the supervisor's <see cref="EventInserter"/> (positional binds, UTF-8 data). synchronous = OFF keeps
/// checkpoint fsyncs (I/O, not CPU) out of the numbers.
/// </summary>
[MemoryDiagnoser]
public class EventInsertBenchmarks : IDisposable
{
    private const int Rows = 1000;
    private const string Data = """{"message_id":"msg_0_1","part_id":"prt_1","text":"Let me look at the failing test first. The assertion compares the parsed config with the defaults."}""";
    private static readonly byte[] s_data = System.Text.Encoding.UTF8.GetBytes(Data);
    private static readonly string[] s_nodes = [.. Enumerable.Range(0, 200).Select(i => $"node-{i:000}-7f3a9c")];
    private static readonly string[] s_sessions = [.. Enumerable.Range(0, 2000).Select(i => $"ses_{i:0000}{i * 7919 % 10007:00000}")];
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private string _directory = "";
    private SqliteWriteContext _context = null!;
    private EventInserter _inserter = null!;
    private SqliteCommand _named = null!;
    private long _n;

    [Params("0001", "0005")]
    public string Indexes { get; set; } = "0005";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("hal-bench-insert-").FullName;
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "events.db")};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; " + EventSchemas.Table
                + (Indexes == "0001" ? EventSchemas.Initial : EventSchemas.Cheaper);
            setup.ExecuteNonQuery();
        }
        _context = new SqliteWriteContext(connection);
        _inserter = new SqliteEventInserter(_context, broadcaster: null);
        _named = _context.Prepare("INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES ($id, $node, $seq, $type, $session, $ts, $data)",
            "$id", "$node", "$seq", "$type", "$session", "$ts", "$data");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void NamedParametersStringData() => Batch(named: true);

    [Benchmark(OperationsPerInvoke = Rows)]
    public void PositionalUtf8() => Batch(named: false);

    private void Batch(bool named)
    {
        _context.Begin();
        _inserter.BeginBatch();
        for (var i = 0; i < Rows; i++)
        {
            var n = ++_n;
            var node = (int)(n / 5 % s_nodes.Length);
            var seq = n / 5 / s_nodes.Length * 5 + n % 5 + 1;
            var session = s_sessions[node * 10 + (int)(seq / 45 % 10)];
            var ts = s_t0.AddTicks(n * 100);
            if (named)
            {
                _named.Set(0, 10_000_000_000 + n);
                _named.Set(1, s_nodes[node]);
                _named.Set(2, seq);
                _named.Set(3, "message.delta");
                _named.Set(4, session);
                _named.Set(5, HalOSwarm.Supervisor.Storage.Sqlite.SqliteTime.Format(ts));
                _named.Set(6, Data);
                _named.ExecuteNonQuery();
            }
            else
            {
                _inserter.Insert(s_nodes[node], seq, "message.delta", session, ts, s_data);
            }
        }
        _context.Commit();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _inserter?.Dispose();
        _context?.Dispose();
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
