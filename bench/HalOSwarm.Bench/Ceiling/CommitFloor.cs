using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Measure;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// The machine's floor for commit latency: a bare SQLite WAL commit loop on one thread of this process, with the
/// supervisor writer's pragmas and schema, fed open loop at a fixed rate — event i falls due at i / rate, and each
/// transaction takes every event due (at most <c>batch</c>) — while a second connection runs a PASSIVE checkpoint
/// once a second, as any writer must to keep its WAL bounded. An event's latency is its due time → the end of the
/// commit that holds it, so waiting behind a slow commit counts, as it does end to end. No sockets, no JSON, no
/// other process: what is left is the disk, SQLite and the scheduler of this machine at this moment. With rate 0
/// (a saturated scenario) every transaction holds <c>batch</c> events and an event's latency is its commit's duration.
/// The caller passes the writer's own limit as <c>batch</c>, not the agents' frame size: a floor capped below what the
/// writer may commit at once would fall behind on a slow disk where the writer does not.
/// </summary>
internal static class CommitFloor
{
    private static readonly TimeSpan s_checkpointPause = TimeSpan.FromSeconds(1);

    public static Task<FloorResult> MeasureAsync(double rate, int batch, TimeSpan warmup, TimeSpan duration, string synchronous, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Measure(rate, Math.Max(1, batch), warmup, duration, synchronous, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static FloorResult Measure(double rate, int batch, TimeSpan warmup, TimeSpan duration, string synchronous, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("hal-bench-floor-").FullName;
        try
        {
            var path = Path.Combine(directory, "floor.db");
            using var connection = Open(path, $"{CeilingSchema.WriterPragmas} PRAGMA synchronous = {synchronous}; {CeilingSchema.Supervisor}");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var checkpoints = 0L;
            var checkpointer = new Thread(() => checkpoints = CheckpointLoop(path, synchronous, stop.Token)) { IsBackground = true, Name = "floor checkpoint" };
            checkpointer.Start();
            FloorResult result;
            try
            {
                result = CommitLoop(connection, rate, batch, warmup, duration, cancellationToken);
            }
            finally
            {
                stop.Cancel();
                checkpointer.Join();
            }
            return result with { Checkpoints = checkpoints };
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FloorResult CommitLoop(SqliteConnection connection, double rate, int batch, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var rows = FleetRows.Create("bench-floor-");
        var prepared = FleetRows.PrepareInsert(connection);
        using var insert = prepared.Insert;
        var parameters = prepared.Parameters;
        var latency = new LatencyHistogram();
        var commitDuration = new LatencyHistogram();
        var seqs = new long[FleetRows.Nodes];
        var openLoop = rate > 0;
        var ticksPerEvent = openLoop ? Stopwatch.Frequency / rate : 0;
        var (events, commits, created) = (0L, 0L, 0L);
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                break;
            }
            var due = openLoop ? (long)((now - started) / ticksPerEvent) - created : batch;
            if (due <= 0)
            {
                var next = DueAt(created);
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (next - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                continue;
            }
            var count = (int)Math.Min(due, batch);
            var ts = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            var begin = Stopwatch.GetTimestamp();
            using (var transaction = connection.BeginTransaction())
            {
                insert.Transaction = transaction;
                for (var i = 0; i < count; i++)
                {
                    var node = (int)((created + i) % FleetRows.Nodes);
                    rows.Bind(parameters, node, ++seqs[node], ts);
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            var done = Stopwatch.GetTimestamp();
            if ((openLoop ? DueAt(created) : begin) >= measureFrom)
            {
                commitDuration.Record(Stopwatch.GetElapsedTime(begin, done));
                for (var i = 0; i < count; i++)
                {
                    latency.Record(Stopwatch.GetElapsedTime(openLoop ? DueAt(created + i) : begin, done));
                }
                (events, commits) = (events + count, commits + 1);
            }
            created += count;
        }
        return new FloorResult(latency, commitDuration, events, commits, 0, duration.TotalSeconds);

        long DueAt(long index) => started + (long)((index + 1) * ticksPerEvent);
    }

    private static long CheckpointLoop(string path, string synchronous, CancellationToken cancellationToken)
    {
        using var connection = Open(path, $"PRAGMA synchronous = {synchronous};");
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        var runs = 0L;
        while (!cancellationToken.WaitHandle.WaitOne(s_checkpointPause))
        {
            try
            {
                checkpoint.ExecuteNonQuery();
                runs++;
            }
            catch (SqliteException)
            {
                // A PASSIVE checkpoint that fails copies nothing; the next one tries again (the count shows how many ran).
            }
        }
        return runs;
    }

    private static SqliteConnection Open(string path, string setup)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = setup;
        command.ExecuteNonQuery();
        return connection;
    }
}
