using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>Persists <see cref="PolicyState"/> rows; a state with nothing left to remember is deleted.</summary>
internal sealed class PolicyStateStore(IDatabase database, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<PolicyState>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT policy, session_id, attempts, window_started_at, last_intervention_at, cap_alerted, pending_command_id,
                   consecutive_errors, resume_at, limit_reset_at
            FROM policy_state
            """;
        var states = new List<PolicyState>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new PolicyState(reader.GetString(0), reader.GetString(1))
            {
                Attempts = reader.GetInt32(2),
                WindowStartedAt = Time(reader, 3),
                LastInterventionAt = Time(reader, 4),
                CapAlerted = reader.GetInt64(5) != 0,
                PendingCommandId = reader.IsDBNull(6) ? null : reader.GetString(6),
                ConsecutiveErrors = reader.GetInt32(7),
                ResumeAt = Time(reader, 8),
                LimitResetAt = Time(reader, 9),
            });
        }
        return states;
    }

    public async Task SaveAsync(PolicyState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.AddParameter("@policy", state.Policy);
        command.AddParameter("@sid", state.SessionId);
        if (state.IsEmpty)
        {
            command.CommandText = "DELETE FROM policy_state WHERE policy = @policy AND session_id = @sid";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        command.CommandText = """
            INSERT INTO policy_state (policy, session_id, attempts, window_started_at, last_intervention_at, cap_alerted,
                                      pending_command_id, consecutive_errors, resume_at, limit_reset_at, updated_at)
            VALUES (@policy, @sid, @attempts, @window, @last, @cap, @pending, @errors, @resume, @limit, @now)
            ON CONFLICT (policy, session_id) DO UPDATE SET
                attempts = excluded.attempts, window_started_at = excluded.window_started_at,
                last_intervention_at = excluded.last_intervention_at, cap_alerted = excluded.cap_alerted,
                pending_command_id = excluded.pending_command_id, consecutive_errors = excluded.consecutive_errors,
                resume_at = excluded.resume_at, limit_reset_at = excluded.limit_reset_at, updated_at = excluded.updated_at
            """;
        command.AddParameter("@attempts", state.Attempts);
        command.AddParameter("@window", (object?)SqliteTime.Format(state.WindowStartedAt) ?? DBNull.Value);
        command.AddParameter("@last", (object?)SqliteTime.Format(state.LastInterventionAt) ?? DBNull.Value);
        command.AddParameter("@cap", state.CapAlerted ? 1 : 0);
        command.AddParameter("@pending", (object?)state.PendingCommandId ?? DBNull.Value);
        command.AddParameter("@errors", state.ConsecutiveErrors);
        command.AddParameter("@resume", (object?)SqliteTime.Format(state.ResumeAt) ?? DBNull.Value);
        command.AddParameter("@limit", (object?)SqliteTime.Format(state.LimitResetAt) ?? DBNull.Value);
        command.AddParameter("@now", SqliteTime.Format(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets sessions that ended.</summary>
    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM policy_state WHERE session_id = @sid";
        command.AddParameter("@sid", sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : SqliteTime.Parse(reader.GetString(ordinal));
}
