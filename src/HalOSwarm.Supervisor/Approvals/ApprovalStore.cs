using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>The <c>approvals</c> table. An answer is a compare-and-set on <c>state = 'pending'</c>, so each request is answered once.</summary>
internal sealed class ApprovalStore(IDatabase database)
{
    private const string Columns = """
        approval_id, node_id, session_id, project, permission_id, tool, permission, patterns, reason, asked_at,
        state, reply, answered_by, answered_at, rule, command_id
        """;

    /// <summary>Stores a new request; false when this node's permission id is known already.</summary>
    public async Task<bool> AddAsync(ApprovalDto approval, long eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO approvals ({Columns}, event_id)
            VALUES (@id, @node, @session, @project, @permission_id, @tool, @permission, @patterns, @reason, @asked_at,
                    @state, NULL, NULL, NULL, NULL, NULL, @event_id)
            ON CONFLICT DO NOTHING
            """;
        command.AddParameter("@id", approval.ApprovalId);
        command.AddParameter("@node", approval.NodeId);
        command.AddParameter("@session", (object?)approval.SessionId ?? DBNull.Value);
        command.AddParameter("@project", (object?)approval.Project ?? DBNull.Value);
        command.AddParameter("@permission_id", approval.PermissionId);
        command.AddParameter("@tool", (object?)approval.Tool ?? DBNull.Value);
        command.AddParameter("@permission", approval.Permission);
        command.AddParameter("@patterns", JsonSerializer.Serialize(approval.Patterns, ApprovalsJsonContext.Default.IReadOnlyListString));
        command.AddParameter("@reason", approval.Reason);
        command.AddParameter("@asked_at", SqliteTime.Format(approval.AskedAt));
        command.AddParameter("@state", approval.State);
        command.AddParameter("@event_id", eventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ApprovalDto?> GetAsync(string approvalId, CancellationToken cancellationToken) =>
        First(await QueryAsync("approval_id = @a", [("@a", approvalId)], 1, cancellationToken));

    public async Task<ApprovalDto?> FindAsync(string nodeId, string permissionId, CancellationToken cancellationToken) =>
        First(await QueryAsync("node_id = @n AND permission_id = @p", [("@n", nodeId), ("@p", permissionId)], 1, cancellationToken));

    /// <summary>Newest first.</summary>
    public Task<IReadOnlyList<ApprovalDto>> ListAsync(string? state, string? sessionId, int limit, CancellationToken cancellationToken) =>
        QueryAsync("(CAST(@s AS TEXT) IS NULL OR state = @s) AND (CAST(@sid AS TEXT) IS NULL OR session_id = @sid)", [("@s", state), ("@sid", sessionId)], limit, cancellationToken);

    /// <summary>Pending requests asked at or before <paramref name="cutoff"/>.</summary>
    public Task<IReadOnlyList<ApprovalDto>> ListOverdueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        QueryAsync("state = 'pending' AND asked_at <= @cutoff", [("@cutoff", SqliteTime.Format(cutoff))], 100, cancellationToken);

    /// <summary>Moves a pending request to <paramref name="state"/>; false when it was answered already.</summary>
    public async Task<bool> AnswerAsync(string approvalId, string state, string? reply, string answeredBy, DateTimeOffset answeredAt, string? rule,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE approvals SET state = @state, reply = @reply, answered_by = @by, answered_at = @at, rule = @rule
            WHERE approval_id = @id AND state = 'pending'
            """;
        command.AddParameter("@state", state);
        command.AddParameter("@reply", (object?)reply ?? DBNull.Value);
        command.AddParameter("@by", answeredBy);
        command.AddParameter("@at", SqliteTime.Format(answeredAt));
        command.AddParameter("@rule", (object?)rule ?? DBNull.Value);
        command.AddParameter("@id", approvalId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SetCommandAsync(string approvalId, string commandId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE approvals SET command_id = @c WHERE approval_id = @id";
        command.AddParameter("@c", commandId);
        command.AddParameter("@id", approvalId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ApprovalDto>> QueryAsync(string where, (string Name, string? Value)[] parameters, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM approvals WHERE {where} ORDER BY asked_at DESC, approval_id DESC LIMIT @limit";
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, (object?)value ?? DBNull.Value);
        }
        command.AddParameter("@limit", limit);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ApprovalDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }
        return list;
    }

    private static ApprovalDto Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), r.GetString(4), Text(r, 5), r.GetString(6),
        JsonSerializer.Deserialize(r.GetString(7), ApprovalsJsonContext.Default.IReadOnlyListString) ?? [],
        r.GetString(8), SqliteTime.Parse(r.GetString(9)), r.GetString(10), Text(r, 11), Text(r, 12),
        SqliteTime.ParseNullable(Text(r, 13)), Text(r, 14), Text(r, 15));

    private static ApprovalDto? First(IReadOnlyList<ApprovalDto> list) => list.Count > 0 ? list[0] : null;

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
