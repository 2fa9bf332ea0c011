namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>The statements of <see cref="ToolAuthProjection"/> and <see cref="ToolAuthQueries"/>.</summary>
internal static class ToolAuthSql
{
    /// <summary>Keeps the newest report per node and tool (a replayed older event changes nothing).</summary>
    public const string UpsertStatus = """
        INSERT INTO tool_auth_status (node_id, tool, status, method, reason, checked_at, event_seq)
        VALUES (@node, @tool, @status, @method, @reason, @checked, @seq)
        ON CONFLICT (node_id, tool) DO UPDATE SET status = excluded.status, method = excluded.method, reason = excluded.reason,
            checked_at = excluded.checked_at, event_seq = excluded.event_seq
        WHERE excluded.event_seq > tool_auth_status.event_seq
        """;

    /// <summary>A login's first event creates it; later ones move a pending login of the same node to its end (never back).</summary>
    public const string UpsertLogin = """
        INSERT INTO tool_auth_logins (login_id, node_id, tool, status, verification_url, user_code, expires_at, reason, manual_guidance, created_at, updated_at)
        VALUES (@id, @node, @tool, @status, @url, @code, @expires, @reason, @guidance, @now, @now)
        ON CONFLICT (login_id) DO UPDATE SET status = excluded.status,
            verification_url = coalesce(excluded.verification_url, tool_auth_logins.verification_url),
            user_code = coalesce(excluded.user_code, tool_auth_logins.user_code),
            expires_at = coalesce(excluded.expires_at, tool_auth_logins.expires_at),
            reason = coalesce(excluded.reason, tool_auth_logins.reason),
            manual_guidance = coalesce(excluded.manual_guidance, tool_auth_logins.manual_guidance),
            updated_at = excluded.updated_at
        WHERE tool_auth_logins.node_id = excluded.node_id AND tool_auth_logins.status = 'pending'
        """;

    public const string SelectStatus = "SELECT node_id, tool, status, method, reason, checked_at FROM tool_auth_status";

    public const string SelectLogin = """
        SELECT login_id, node_id, tool, status, verification_url, user_code, expires_at, reason, manual_guidance, created_at, updated_at
        FROM tool_auth_logins WHERE login_id = @id
        """;
}
