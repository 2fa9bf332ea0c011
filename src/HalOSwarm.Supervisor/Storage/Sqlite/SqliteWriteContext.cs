using System.Data.Common;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// SQLite's side of the storage writer: the writer's connection, its open transaction, the statements handlers
/// prepared on it, and the WAL checkpointer that keeps its commits short. Scoped to the writer's loop and used only
/// on its thread, so nothing here is thread-safe. SQLite handlers take it in their constructor and
/// <see cref="Prepare"/> their statements there.
/// </summary>
internal sealed class SqliteWriteContext : IWriteTransaction, IWriteContext, IDisposable
{
    private const string SavepointName = "write_op";
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteDatabase? _database;
    private readonly DatabaseOptions? _options;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private SqliteConnection? _connection;
    private WalCheckpointer? _checkpointer;
    private bool _disposed;

    public SqliteWriteContext(SqliteDatabase database, IOptions<DatabaseOptions> options, TimeProvider timeProvider, ILogger<SqliteWriteContext> logger)
    {
        _database = database;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Over a connection someone else opened and set up (micro-benchmarks); no checkpointer.</summary>
    public SqliteWriteContext(SqliteConnection connection) => _connection = connection;

    public SqliteConnection Connection => _connection ?? throw new InvalidOperationException("the writer's connection is not open yet");

    public SqliteTransaction? Transaction { get; private set; }

    public string Provider => StorageProviders.Sqlite;

    DbConnection IWriteContext.Connection => Connection;

    DbTransaction? IWriteContext.Transaction => Transaction;

    DbCommand IWriteContext.Prepare(string sql, params string[] parameters) => Prepare(sql, parameters);

    public void Open(CancellationToken cancellationToken)
    {
        if (_database is null || _connection is not null)
        {
            return;
        }
        _connection = _database.OpenAsync(cancellationToken).GetAwaiter().GetResult();
        WriterPragmas.Apply(_connection, _options!.Synchronous);
        _checkpointer = new WalCheckpointer(_database, _timeProvider, _logger);
        _checkpointer.Start();
    }

    public SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        _commands.Add(command);
        return command;
    }

    public void Begin()
    {
        Transaction = Connection.BeginTransaction(deferred: false);
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
        catch (SqliteException)
        {
            // A failed commit may already have rolled back; the batch is retried either way.
        }
        Transaction.Dispose();
        Transaction = null;
    }

    public void Savepoint() => Transaction!.Save(SavepointName);

    public void ReleaseSavepoint() => Transaction!.Release(SavepointName);

    public void RollbackToSavepoint() => Transaction!.Rollback(SavepointName);

    public bool IsStorageFailure(Exception exception) => exception is SqliteException;

    public bool IsTransient(Exception exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED
            or SQLitePCL.raw.SQLITE_NOMEM or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_CANTOPEN
            or SQLitePCL.raw.SQLITE_PROTOCOL;

    /// <summary>Lets the next transaction restart the WAL from its start when it has grown large, then wakes the background copy.</summary>
    public void AfterCommit()
    {
        if (_checkpointer is null)
        {
            return;
        }
        if (_checkpointer.WriterShouldFinish)
        {
            _checkpointer.Finish(Connection);
        }
        _checkpointer.Committed();
    }

    public void Dispose()
    {
        // Registered as itself and as IWriteTransaction: the writer's scope disposes it twice.
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _checkpointer?.Dispose();
        foreach (var command in _commands)
        {
            command.Dispose();
        }
        Transaction?.Dispose();
        _connection?.Dispose();
    }
}
