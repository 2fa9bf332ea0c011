using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Storage;

/// <summary>
/// The commands seen recently (table <c>commands</c>) and their results, so a command the supervisor
/// re-sends after a reconnect is answered from here instead of running twice. Finished rows are kept for
/// <see cref="Retention"/>; the supervisor re-sends only commands it is still waiting for.
/// </summary>
internal sealed class CommandJournal
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly AgentDatabase _database;
    private readonly TimeProvider _timeProvider;

    public CommandJournal(AgentDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Records <paramref name="command"/> as running and returns null when it is new; otherwise returns the
    /// stored result. A command still marked running was cut off by an agent restart: it is answered
    /// (and stored) as <see cref="CommandErrorCodes.Interrupted"/>, never run again.
    /// </summary>
    public Task<CommandResult?> ClaimAsync(CommandRequest command, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        return _database.TransactAsync<CommandResult?>((connection, transaction) =>
        {
            using (var read = connection.Command("SELECT state, result FROM commands WHERE command_id = $id", transaction).With("$id", command.CommandId))
            using (var reader = read.ExecuteReader())
            {
                if (reader.Read())
                {
                    if (reader.GetString(0) == "done" && !reader.IsDBNull(1))
                    {
                        return JsonSerializer.Deserialize(reader.GetString(1), ProtocolJsonContext.Default.CommandResult);
                    }
                    var interrupted = new CommandResult(command.CommandId, false, null,
                        "the agent stopped while this command ran; its outcome is unknown and it is not run again", CommandErrorCodes.Interrupted);
                    reader.Close();
                    Store(connection, transaction, interrupted, now);
                    return interrupted;
                }
            }
            using (var prune = connection.Command("DELETE FROM commands WHERE finished_at < $cutoff", transaction))
            {
                prune.With("$cutoff", Ts(now - Retention)).ExecuteNonQuery();
            }
            using var insert = connection.Command(
                "INSERT INTO commands(command_id, type, state, received_at) VALUES ($id, $t, 'running', $now)", transaction);
            insert.With("$id", command.CommandId).With("$t", command.Type).With("$now", Ts(now)).ExecuteNonQuery();
            return null;
        }, cancellationToken);
    }

    /// <summary>Stores the result of a command that ran.</summary>
    public Task CompleteAsync(CommandResult result, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        return _database.RunAsync(connection =>
        {
            Store(connection, null, result, now);
            return 0;
        }, cancellationToken);
    }

    private static void Store(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction,
        CommandResult result, DateTimeOffset now)
    {
        using var update = connection.Command(
            "UPDATE commands SET state = 'done', result = $r, finished_at = $now WHERE command_id = $id", transaction);
        update.With("$r", JsonSerializer.Serialize(result, ProtocolJsonContext.Default.CommandResult)).With("$now", Ts(now))
            .With("$id", result.CommandId).ExecuteNonQuery();
    }

    private static string Ts(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
