using System.Data.Common;

namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// The writer's connection as handlers see it, whichever provider holds it: statements prepared once on the
/// connection (bound to each transaction the writer opens), and the connection and transaction for what a handler
/// reads inside its batch. Scoped to the writer's loop and used only on its thread.
/// </summary>
internal interface IWriteContext
{
    /// <summary><see cref="StorageProviders.Sqlite"/> or <see cref="StorageProviders.Postgres"/>.</summary>
    string Provider { get; }

    DbConnection Connection { get; }

    /// <summary>The open transaction; null between batches.</summary>
    DbTransaction? Transaction { get; }

    /// <summary>A command on the writer's connection with <paramref name="parameters"/> (as the SQL names them, <c>@name</c>) in order, bound with <see cref="DbCommandExtensions.Run"/>.</summary>
    DbCommand Prepare(string sql, params string[] parameters);

    /// <summary>A one-off command inside the open transaction (dispose it).</summary>
    DbCommand CreateCommand()
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        return command;
    }
}
