using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>
/// The fleet page's reads: one page of sessions in attention order (<see cref="FleetOrder"/>), one page of nodes and
/// the summary counts. Each read is a few statements on its own connection, none per row: the session page walks the
/// index <c>ix_sessions_fleet</c>, the counts use the status indexes.
/// </summary>
internal sealed class FleetQueries(IDatabase database)
{
    public const int MaxPageSize = 200;

    private const string Columns = $"""
        SELECT session_id, node_id, project, runtime, status, activity_state, model, title,
               input_tokens + output_tokens + reasoning_tokens, cost_usd, current_task, task_done, task_total,
               last_error, last_activity_at, {FleetOrder.RankSql}
        FROM sessions
        """;

    public async Task<FleetPage<FleetSessionRow>> SessionsAsync(FleetFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The sessions waiting for an approval come first; they are few, so all of them are read.
        using var pendingCommand = connection.CreateCommand();
        var pendingWhere = FleetSql.Where(pendingCommand, filter, $"session_id IN ({FleetOrder.PendingSessionsSql})");
        pendingCommand.CommandText = $"{Columns} WHERE {pendingWhere} ORDER BY last_activity_at DESC, session_id DESC";
        var pending = await ReadSessionsAsync(pendingCommand, pendingApproval: true, cancellationToken);

        using var countCommand = connection.CreateCommand();
        countCommand.CommandText = "SELECT count(*) FROM sessions WHERE " + FleetSql.Where(countCommand, filter, null);
        var total = (long)(await countCommand.ExecuteScalarAsync(cancellationToken))!;

        var rows = new List<FleetSessionRow>(limit);
        rows.AddRange(pending.Skip(offset).Take(limit));
        if (rows.Count < limit)
        {
            using var restCommand = connection.CreateCommand();
            var restWhere = FleetSql.Where(restCommand, filter, $"session_id NOT IN ({FleetOrder.PendingSessionsSql})");
            restCommand.CommandText = $"{Columns} WHERE {restWhere} ORDER BY {FleetOrder.OrderSql} LIMIT @limit OFFSET @offset";
            restCommand.AddParameter("@limit", limit - rows.Count);
            restCommand.AddParameter("@offset", Math.Max(0, offset - pending.Count));
            rows.AddRange(await ReadSessionsAsync(restCommand, pendingApproval: false, cancellationToken));
        }
        return new FleetPage<FleetSessionRow>(rows, total);
    }

    public async Task<FleetPage<FleetNodeRow>> NodesAsync(string? status, string? text, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = FleetSql.NodeWhere(command, status, text);
        command.CommandText = $"""
            SELECT n.node_id, n.hostname, n.status, n.agent_version, n.projects_json, n.runtime_details_json, n.resources_json,
                   n.last_heartbeat_at,
                   (SELECT count(*) FROM sessions s WHERE s.node_id = n.node_id AND s.status IN ('starting', 'running', 'idle', 'error'))
            FROM nodes n WHERE {where}
            ORDER BY (n.status = 'online'), n.node_id LIMIT @limit OFFSET @offset
            """;
        command.AddParameter("@limit", Math.Clamp(limit, 1, MaxPageSize));
        command.AddParameter("@offset", Math.Max(0, offset));
        var rows = await FleetReader.NodesAsync(command, cancellationToken);
        using var countCommand = connection.CreateCommand();
        countCommand.CommandText = "SELECT count(*) FROM nodes n WHERE " + FleetSql.NodeWhere(countCommand, status, text);
        var total = (long)(await countCommand.ExecuteScalarAsync(cancellationToken))!;
        return new FleetPage<FleetNodeRow>(rows, total);
    }

    public async Task<FleetSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var nodes = await FleetReader.CountsAsync(connection, "SELECT status, count(*) FROM nodes GROUP BY status", cancellationToken);
        var sessions = await FleetReader.CountsAsync(connection, "SELECT status, count(*) FROM sessions GROUP BY status", cancellationToken);
        using var attention = connection.CreateCommand();
        attention.CommandText = $"""
            SELECT (SELECT count(*) FROM sessions WHERE {FleetOrder.RankSql} <= {FleetOrder.AttentionMax})
                 + (SELECT count(*) FROM sessions WHERE session_id IN ({FleetOrder.PendingSessionsSql})
                    AND {FleetOrder.RankSql} > {FleetOrder.AttentionMax})
            """;
        var attentionCount = (long)(await attention.ExecuteScalarAsync(cancellationToken))!;
        var projects = await FleetReader.StringsAsync(connection,
            "SELECT DISTINCT project FROM sessions WHERE project IS NOT NULL ORDER BY project LIMIT 500", cancellationToken);
        var runtimes = await FleetReader.StringsAsync(connection,
            "SELECT DISTINCT runtime FROM sessions WHERE runtime IS NOT NULL ORDER BY runtime LIMIT 50", cancellationToken);
        nodes.TryGetValue("online", out var online);
        return new FleetSummary(online, nodes.Values.Sum() - online, sessions, attentionCount, projects, runtimes);
    }

    private static async Task<List<FleetSessionRow>> ReadSessionsAsync(DbCommand command, bool pendingApproval, CancellationToken cancellationToken)
    {
        var rows = new List<FleetSessionRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FleetSessionRow(
                reader.GetString(0), reader.GetString(1), FleetReader.Text(reader, 2), FleetReader.Text(reader, 3), reader.GetString(4),
                FleetReader.Text(reader, 5), FleetReader.Text(reader, 6), FleetReader.Text(reader, 7), reader.GetInt64(8), reader.GetDouble(9),
                FleetReader.Text(reader, 10), reader.IsDBNull(11) ? null : reader.GetInt64(11), reader.IsDBNull(12) ? null : reader.GetInt64(12),
                FleetReader.Text(reader, 13), SqliteTime.ParseNullable(FleetReader.Text(reader, 14)),
                pendingApproval ? FleetOrder.Waiting : reader.GetInt32(15), pendingApproval));
        }
        return rows;
    }
}
