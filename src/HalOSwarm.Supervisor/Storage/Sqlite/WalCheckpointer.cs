using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on its own connection and thread, so the writer's commits only append
/// to the WAL (the writer runs with <c>wal_autocheckpoint = 0</c>). A PASSIVE checkpoint never blocks the writer or
/// readers. Because the writer commits back to back, the WAL only restarts when the writer itself finds it fully
/// copied at the start of a transaction: <see cref="WriterShouldFinish"/> tells it when to run a (by then cheap)
/// checkpoint of the last few frames so the next transaction starts the WAL from the beginning again.
/// </summary>
internal sealed partial class WalCheckpointer : IDisposable
{
    /// <summary>WAL frames (pages) after which the writer finishes a checkpoint itself: 65,536 × 4 KiB = 256 MiB.</summary>
    public const int FinishAtFrames = 65_536;
    /// <summary>When the WAL grew by more than this many frames since the last copy, the next runs at once; else a second later.</summary>
    private const int BusyFrames = 4096;
    private static readonly TimeSpan s_idlePause = TimeSpan.FromSeconds(1); // each checkpoint syncs the WAL and the file
    private static readonly TimeSpan s_busyPause = TimeSpan.FromMilliseconds(10);
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _walFrames;

    public WalCheckpointer(SqliteDatabase database, TimeProvider timeProvider, ILogger logger)
    {
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Frames in the WAL at the last checkpoint.</summary>
    public long WalFrames => Interlocked.Read(ref _walFrames);

    /// <summary>True when the WAL has grown past <see cref="FinishAtFrames"/>: the writer should checkpoint once.</summary>
    public bool WriterShouldFinish => WalFrames > FinishAtFrames;

    /// <summary>Starts the copy on a thread of its own (it blocks in SQLite and in fsync).</summary>
    public void Start()
    {
        _thread = new Thread(() => Run(_stop.Token)) { IsBackground = true, Name = "hal wal checkpoint" };
        _thread.Start();
    }

    /// <summary>A commit appended to the WAL; wakes the checkpointer unless it is already awake.</summary>
    public void Committed()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke it first.
            }
        }
    }

    /// <summary>Runs a PASSIVE checkpoint on <paramref name="connection"/> (the writer's, between transactions).</summary>
    public void Finish(SqliteConnection connection)
    {
        Checkpoint(connection);
        Interlocked.Exchange(ref _walFrames, 0); // the background run after the next commit reports the new size
    }

    private void Run(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = _database.OpenAsync(cancellationToken).GetAwaiter().GetResult();
            var previousLog = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                _signal.Wait(cancellationToken);
                var result = Checkpoint(connection);
                Record(result);
                // Paced by how fast the WAL grows, not by its size: once everything is copied, a large WAL that the
                // writer has not restarted yet is no reason to sync the WAL and the file again 100 times a second.
                var grown = result.Log >= previousLog ? result.Log - previousLog : result.Log; // smaller: the WAL restarted
                previousLog = Math.Max(0, result.Log);
                Task.Delay(grown > BusyFrames ? s_busyPause : s_idlePause, _timeProvider, cancellationToken).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A thread of its own: what escapes here would end the process. Without the background copy the writer still
            // finishes checkpoints itself, only on its own time.
            LogCheckpointerFailed(_logger, ex);
            Interlocked.Exchange(ref _walFrames, long.MaxValue);
        }
    }

    private void Record((long Log, long Copied) result)
    {
        if (result.Log >= 0)
        {
            Interlocked.Exchange(ref _walFrames, result.Log);
        }
    }

    private static (long Log, long Copied) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (-1, -1);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        _signal.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background WAL checkpoint stopped; the writer checkpoints on its own")]
    private static partial void LogCheckpointerFailed(ILogger logger, Exception exception);
}
