using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>Persists <see cref="PolicyState"/> rows; a state with nothing left to remember is deleted.</summary>
internal sealed class PolicyStateStore(SqliteDatabase database, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<PolicyState>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
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
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$policy", state.Policy);
        command.Parameters.AddWithValue("$sid", state.SessionId);
        if (state.IsEmpty)
        {
            command.CommandText = "DELETE FROM policy_state WHERE policy = $policy AND session_id = $sid";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        command.CommandText = """
            INSERT INTO policy_state (policy, session_id, attempts, window_started_at, last_intervention_at, cap_alerted,
                                      pending_command_id, consecutive_errors, resume_at, limit_reset_at, updated_at)
            VALUES ($policy, $sid, $attempts, $window, $last, $cap, $pending, $errors, $resume, $limit, $now)
            ON CONFLICT (policy, session_id) DO UPDATE SET
                attempts = excluded.attempts, window_started_at = excluded.window_started_at,
                last_intervention_at = excluded.last_intervention_at, cap_alerted = excluded.cap_alerted,
                pending_command_id = excluded.pending_command_id, consecutive_errors = excluded.consecutive_errors,
                resume_at = excluded.resume_at, limit_reset_at = excluded.limit_reset_at, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$attempts", state.Attempts);
        command.Parameters.AddWithValue("$window", (object?)SqliteTime.Format(state.WindowStartedAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$last", (object?)SqliteTime.Format(state.LastInterventionAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$cap", state.CapAlerted ? 1 : 0);
        command.Parameters.AddWithValue("$pending", (object?)state.PendingCommandId ?? DBNull.Value);
        command.Parameters.AddWithValue("$errors", state.ConsecutiveErrors);
        command.Parameters.AddWithValue("$resume", (object?)SqliteTime.Format(state.ResumeAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", (object?)SqliteTime.Format(state.LimitResetAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets sessions that ended.</summary>
    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM policy_state WHERE session_id = $sid";
        command.Parameters.AddWithValue("$sid", sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : SqliteTime.Parse(reader.GetString(ordinal));
}
