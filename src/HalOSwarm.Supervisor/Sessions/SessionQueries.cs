using System.Data.Common;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Sessions;

/// <summary>Reads of the sessions table, newest started first, each on its own connection.</summary>
internal sealed class SessionQueries(IDatabase database)
{
    private const string Select = """
        SELECT session_id, node_id, project, runtime, status, model, title,
               input_tokens, output_tokens, reasoning_tokens, cache_read_tokens, cache_write_tokens,
               cost_usd, compaction_count, context_tokens, current_task, task_done, task_total,
               last_error, parent_session_id, started_at, last_activity_at, ended_at,
               (SELECT c.session_id FROM sessions c WHERE c.parent_session_id = sessions.session_id
                ORDER BY c.started_at DESC LIMIT 1) AS successor_session_id,
               activity_state, activity_detail, progress, adopted, worktree, branch, rate_limit_reset_at
        FROM sessions
        """;

    /// <summary>One page; the extra row fetched tells whether there is a next page.</summary>
    public async Task<(IReadOnlyList<SessionDto> Page, bool HasMore)> ListAsync(SessionFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        AddFilter(command, where, "project", "@project", filter.Project);
        AddFilter(command, where, "status", "@status", filter.Status);
        AddFilter(command, where, "node_id", "@node", filter.NodeId);
        if (filter.AfterStartedAt is not null)
        {
            where.Add("(started_at < @cs OR (started_at = @cs AND session_id < @cid))");
            command.AddParameter("@cs", filter.AfterStartedAt);
            command.AddParameter("@cid", filter.AfterSessionId);
        }
        command.CommandText = Select
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY started_at DESC, session_id DESC LIMIT @limit";
        command.AddParameter("@limit", filter.Limit + 1);
        var rows = await ReadAsync(command, cancellationToken);
        var hasMore = rows.Count > filter.Limit;
        return (hasMore ? rows.GetRange(0, filter.Limit) : rows, hasMore);
    }

    public async Task<SessionDto?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE session_id = @sid";
        command.AddParameter("@sid", sessionId);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string CursorKey(SessionDto last) => $"{SqliteTime.Format(last.StartedAt)}|{last.SessionId}";

    private static void AddFilter(DbCommand command, List<string> where, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = {parameter}");
            command.AddParameter(parameter, value);
        }
    }

    private static async Task<List<SessionDto>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<SessionDto>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SessionDto(
                reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.GetString(4), Text(reader, 5), Text(reader, 6),
                new TokenCounts(reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11)),
                reader.GetDouble(12), reader.GetInt64(13), reader.GetInt64(14), Text(reader, 15),
                reader.IsDBNull(16) ? null : reader.GetInt64(16), reader.IsDBNull(17) ? null : reader.GetInt64(17),
                Text(reader, 18), Text(reader, 19),
                SqliteTime.Parse(reader.GetString(20)), SqliteTime.ParseNullable(Text(reader, 21)), SqliteTime.ParseNullable(Text(reader, 22)),
                Text(reader, 23))
            {
                ActivityState = Text(reader, 24),
                ActivityDetail = Text(reader, 25),
                Progress = reader.IsDBNull(26) ? null : reader.GetDouble(26),
                Adopted = reader.GetInt64(27) != 0,
                Worktree = Text(reader, 28),
                Branch = Text(reader, 29),
                RateLimitResetAt = SqliteTime.ParseNullable(Text(reader, 30)),
            });
        }
        return rows;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
