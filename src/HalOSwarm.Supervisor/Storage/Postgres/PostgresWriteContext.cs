using System.Data.Common;
using HalOSwarm.Supervisor.Storage.Writing;
using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of the storage writer: one connection from the pool for the writer's whole life, its open
/// transaction (read committed) and the statements handlers prepared on it. A connection the server dropped is opened
/// again when the next batch begins (the batch that met the failure is rolled back and retried by the writer).
/// Scoped to the writer's loop and used only on its thread.
/// </summary>
internal sealed class PostgresWriteContext(PostgresDatabase database) : IWriteTransaction, IWriteContext, IDisposable
{
    private const string SavepointName = "write_op";
    private readonly List<NpgsqlCommand> _commands = [];
    private NpgsqlConnection? _connection;
    private bool _disposed;

    public string Provider => StorageProviders.Postgres;

    public NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("the writer's connection is not open yet");

    public NpgsqlTransaction? Transaction { get; private set; }

    DbConnection IWriteContext.Connection => Connection;

    DbTransaction? IWriteContext.Transaction => Transaction;

    public void Open(CancellationToken cancellationToken)
    {
        _connection ??= database.OpenConnection();
    }

    public DbCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, null));
        }
        _commands.Add(command);
        return command;
    }

    public void Begin()
    {
        if (Connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || Connection.State == System.Data.ConnectionState.Closed)
        {
            Connection.Close();
            Connection.Open();
        }
        Transaction = Connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        foreach (var command in _commands)
        {
            command.Transaction = Transaction;
        }
    }

    public void Commit()
    {
        Transaction!.Commit();
        Transaction.Dispose();
        Transaction = null;
    }

    public void Rollback()
    {
        if (Transaction is null)
        {
            return;
        }
        try
        {
            Transaction.Rollback();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has no transaction left to undo; the batch is retried either way.
        }
        Transaction.Dispose();
        Transaction = null;
    }

    public void Savepoint() => Transaction!.Save(SavepointName);

    public void ReleaseSavepoint() => Transaction!.Release(SavepointName);

    public void RollbackToSavepoint() => Transaction!.Rollback(SavepointName);

    public bool IsStorageFailure(Exception exception) =>
        exception is NpgsqlException || (exception is InvalidOperationException && _connection?.State != System.Data.ConnectionState.Open);

    /// <summary>
    /// A failure of the connection or the server (not of the op): lost connection, serialization failure or deadlock,
    /// out of resources, server shutting down, an event id another supervisor took first. A broken constraint or bad data
    /// is not.
    /// </summary>
    public bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57", StringComparison.Ordinal) || pg.SqlState is "40001" or "40P01"
            // an event id taken by another supervisor's commit is a race between writers, never bad data: retry the batch
            || (pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "events_pkey"),
        NpgsqlException => true,
        _ => IsStorageFailure(exception),
    };

    public void AfterCommit()
    {
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var command in _commands)
        {
            command.Dispose();
        }
        Transaction?.Dispose();
        _connection?.Dispose();
    }
}
