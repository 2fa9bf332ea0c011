using BenchmarkDotNet.Attributes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Bench.Micro;

/// <summary>
/// What the cost ledger adds to the writer, per usage event: a batch of 1,000 usage events over 200 sessions (5 each,
/// as hal-bench's usage fleet sends them) through <see cref="CostLedgerProjection"/> — read each event's JSON, price it,
/// add it to its row's sums — and the flush that upserts the 200 rows, in one transaction. The writer's own per-event
/// work (socket, parse, insert, session projection) is measured end to end by <c>hal-bench -s ledger</c>.
/// synchronous = OFF keeps checkpoint fsyncs out of the numbers.
/// </summary>
[MemoryDiagnoser]
public class LedgerProjectionBenchmarks : IDisposable
{
    private const int Events = 1000;
    private const int Sessions = 200;
    private static readonly byte[] s_usage = System.Text.Encoding.UTF8.GetBytes(
        """{"message_id":"msg_3_17","provider":"anthropic","model":"claude-sonnet-4-5","tokens":{"input":1200,"output":340,"reasoning":0,"cache_read":800,"cache_write":0},"cost_usd":0.0123,"context_tokens":5017,"raw":{"id":"msg_3_17","tokens":{"input":1200}}}""");
    private static readonly string[] s_sessions = [.. Enumerable.Range(0, Sessions).Select(i => $"ses_{i:0000}{i * 7919 % 10007:00000}")];
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private string _directory = "";
    private SqliteWriteContext _context = null!;
    private CostLedgerProjection _ledger = null!;
    private long _n;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("hal-bench-ledger-").FullName;
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "ledger.db")};Pooling=False");
        connection.Open();
        string migration;
        using (var stream = typeof(CostLedgerProjection).Assembly.GetManifestResourceStream("HalOSwarm.Supervisor.Migrations.0011_cost_ledger.sql")!)
        using (var reader = new StreamReader(stream))
        {
            migration = reader.ReadToEnd();
        }
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; "
                + "CREATE TABLE sessions (session_id TEXT PRIMARY KEY, node_id TEXT, project TEXT, runtime TEXT); CREATE VIEW costs AS SELECT 1; "
                + migration;
            setup.ExecuteNonQuery();
            setup.CommandText = "INSERT INTO sessions VALUES ($s, 'node-1', 'web', 'opencode')";
            var s = setup.Parameters.Add(new SqliteParameter("$s", ""));
            foreach (var session in s_sessions)
            {
                s.Value = session;
                setup.ExecuteNonQuery();
            }
        }
        _context = new SqliteWriteContext(connection);
        var options = new CostOptions { TimeZone = "Europe/Berlin" };
        options.Rates.Add(new ModelRateOptions { Model = "gpt-*", InputPerMtok = 1.25m, OutputPerMtok = 10m });
        options.Accounts.Add(new CostAccountOptions { Name = "team-web", Provider = "anthropic", Projects = ["web"] });
        _ledger = new CostLedgerProjection(_context, new CostCalendar(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)), Options.Create(options));
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void UsageEventBooked()
    {
        IWriteBatchParticipant participant = _ledger;
        _context.Begin();
        participant.Begin();
        for (var i = 0; i < Events; i++)
        {
            var n = ++_n;
            _ledger.Apply("node-1", n, EventTypes.Usage, s_sessions[(int)(n % Sessions)], s_t0.AddTicks(n * 5000), s_usage);
        }
        participant.Flush();
        _context.Commit();
    }

    /// <summary>The in-memory part alone: read, price, sum (the batch is dropped instead of written).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void UsageEventSummedOnly()
    {
        IWriteBatchParticipant participant = _ledger;
        participant.Begin();
        for (var i = 0; i < Events; i++)
        {
            var n = ++_n;
            _ledger.Apply("node-1", n, EventTypes.Usage, s_sessions[(int)(n % Sessions)], s_t0.AddTicks(n * 5000), s_usage);
        }
        participant.RolledBack();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
