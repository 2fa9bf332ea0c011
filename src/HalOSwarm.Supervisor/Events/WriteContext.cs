using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// The writer's connection, its open transaction, its prepared commands and what to do after the commit. Owned by
/// the single writer task, so nothing here is thread-safe.
/// </summary>
internal sealed class WriteContext(SqliteConnection connection) : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction? Transaction { get; private set; }

    /// <summary>Events stored by this batch, to publish after the commit.</summary>
    public List<StoredEvent> Stored { get; } = [];

    /// <summary>Highest durable seq per node reached in this batch, to ack after the commit.</summary>
    public Dictionary<string, long> Acks { get; } = new(StringComparer.Ordinal);

    /// <summary>Work to finish once the batch is committed (hello answers).</summary>
    public List<Action> AfterCommit { get; } = [];

    /// <summary>Whether stored events need <see cref="StoredEvent"/> objects (someone is listening).</summary>
    public bool CollectStored { get; set; }

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
        Stored.Clear();
        Acks.Clear();
        AfterCommit.Clear();
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

    public static void Set(SqliteCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
        Transaction?.Dispose();
        Connection.Dispose();
    }
}
