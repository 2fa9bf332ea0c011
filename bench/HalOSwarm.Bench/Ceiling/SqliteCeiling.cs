using System.Diagnostics;
using System.Globalization;
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
    private const int FrameEvents = 100;

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
            var fleet = FleetRows.Create("bench-ceiling-");
            var ts = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

            var prepared = FleetRows.PrepareInsert(connection);
            await using var insert = prepared.Insert;
            var p = prepared.Parameters;

            var watch = Stopwatch.StartNew();
            for (var done = 0L; done < rows && !cancellationToken.IsCancellationRequested;)
            {
                await using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                for (var i = 0; i < rowsPerTransaction && done < rows; i++, done++)
                {
                    var (node, seq) = FleetRows.InSendOrder(done, FrameEvents);
                    fleet.Bind(p, node, seq, ts);
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
}
