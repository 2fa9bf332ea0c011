using HalOSwarm.Supervisor.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>
/// Leadership on PostgreSQL: a session-level advisory lock held on a connection of its own. The server releases it the
/// moment that connection ends (the process died, the network broke and the server noticed), and another supervisor's
/// next try takes it. While it is held, the connection is checked every heartbeat; a failed check ends leadership.
/// </summary>
internal sealed partial class PostgresLeadership(PostgresDatabase database, IOptions<ClusterOptions> options, ILogger<PostgresLeadership> logger)
    : ILeadership, IAsyncDisposable
{
    /// <summary>The advisory lock's key: 'hal-lead' in ASCII, so it cannot be taken by accident by another program.</summary>
    public const long LockKey = 0x68616c2d6c656164;

    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _connection;
    private Task? _watch;
    private int _disposed;

    public bool IsLeader => _connection is not null && !_lost.Task.IsCompleted;

    public Task Lost => _lost.Task;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return IsLeader;
            }
            var connection = database.DataSource.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
                if (await take.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _connection = connection;
                    _watch = WatchAsync(connection, _stopping.Token);
                    return true;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogTryFailed(logger, ex.Message);
            }
            await connection.DisposeAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.Heartbeat);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.Lease / 2);
                await check.ExecuteScalarAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            LogLost(logger, ex.Message);
        }
        _lost.TrySetResult();
    }

    /// <summary>Idempotent: the container disposes it once as itself and once as <see cref="ILeadership"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (_connection is not null)
        {
            // Closing the connection releases the lock: the next supervisor's try takes it without waiting for the lease.
            await _connection.DisposeAsync();
        }
        _stopping.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try for the leader lock: {reason}")]
    private static partial void LogTryFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Lost the leader lock's connection to PostgreSQL: {reason}")]
    private static partial void LogLost(ILogger logger, string reason);
}
