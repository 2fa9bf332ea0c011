using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HalOSwarm.Bench.Load;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// The machine's ceiling for what the supervisor does per event: batched inserts of the same rows the fleet
/// sends, in the order it sends them (200 nodes taking turns with runs of <see cref="FrameEvents"/> consecutive
/// seqs, as in one <c>events</c> frame; 10 sessions each; the same event mix) into a fresh SQLite file in WAL with
/// synchronous=NORMAL, one prepared command, a fixed number of rows per transaction.
/// </summary>
internal static class SqliteCeiling
{
    public const int RowsPerTransaction = 1000;

    /// <summary>The supervisor's default <c>database.write_batch_events</c>: its largest transaction.</summary>
    public const int SupervisorBatch = 4096;
    private const int Nodes = 200;
    private const int Sessions = 10;
    private const int DistinctRows = 4096;
    private const int FrameEvents = 100;
    private static readonly string[] s_parameters = ["$node", "$seq", "$type", "$session", "$ts", "$data"];

    public static async Task<double> RowsPerSecondAsync(string schema, long rows, int rowsPerTransaction, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("hal-bench-ceiling-").FullName;
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "ceiling.db"), Pooling = false };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; " + schema;
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }
            var (types, data) = Rows();
            var nodeIds = Enumerable.Range(0, Nodes).Select(i => $"bench-ceiling-{i:D4}").ToArray();
            var sessionIds = nodeIds.Select(n => Enumerable.Range(0, Sessions).Select(s => $"{n}-s{s:D3}").ToArray()).ToArray();
            var ts = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO events (node_id, seq, type, session_id, ts, data) VALUES ($node, $seq, $type, $session, $ts, $data)";
            var p = s_parameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();

            var watch = Stopwatch.StartNew();
            for (var done = 0L; done < rows && !cancellationToken.IsCancellationRequested;)
            {
                await using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                for (var i = 0; i < rowsPerTransaction && done < rows; i++, done++)
                {
                    var frame = done / FrameEvents;
                    var node = (int)(frame % Nodes);
                    var seq = (frame / Nodes * FrameEvents) + (done % FrameEvents) + 1;
                    var row = (int)((seq - 1) % DistinctRows);
                    p[0].Value = nodeIds[node];
                    p[1].Value = seq;
                    p[2].Value = types[row];
                    p[3].Value = sessionIds[node][(seq - 1) % Sessions];
                    p[4].Value = ts;
                    p[5].Value = data[row];
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            return rows / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Type and data JSON of the first <see cref="DistinctRows"/> events of a simulated agent, made before the clock starts.</summary>
    private static (string[] Types, string[] Data) Rows()
    {
        var types = new string[DistinctRows];
        var data = new string[DistinctRows];
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (var i = 0; i < DistinctRows; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            types[i] = EventFrameWriter.WriteData(writer, i + 1, Sessions);
            writer.Flush();
            data[i] = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        return (types, data);
    }
}
