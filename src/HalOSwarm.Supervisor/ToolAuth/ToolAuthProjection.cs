using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>
/// Keeps <c>tool_auth_status</c> and <c>tool_auth_logins</c> in step with the stored <c>auth.status</c> and
/// <c>auth.login.*</c> events, inside the transaction that stores them (so a replayed frame changes nothing twice). What an
/// agent sends is bounded here: a known tool and status, short single-line texts, an http(s) URL; anything else is skipped.
/// </summary>
internal sealed class ToolAuthProjection(IWriteContext context, TimeProvider timeProvider) : IEventProjection
{
    private readonly DbCommand _status = context.Prepare(ToolAuthSql.UpsertStatus, "@node", "@tool", "@status", "@method", "@reason", "@checked", "@seq");
    private readonly DbCommand _login = context.Prepare(ToolAuthSql.UpsertLogin,
        "@id", "@node", "@tool", "@status", "@url", "@code", "@expires", "@reason", "@guidance", "@now");

    public bool Wants(string type) => type is EventTypes.AuthStatus or EventTypes.AuthLoginPending or EventTypes.AuthLoginSucceeded or EventTypes.AuthLoginFailed;

    public void Apply(string nodeId, long seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (ToolAuthLimits.Tool(root) is not { } tool)
            {
                return;
            }
            if (type == EventTypes.AuthStatus)
            {
                var status = ToolAuthLimits.Text(root, "status", 32) is { } s && AuthStatuses.All.Contains(s) ? s : AuthStatuses.Unknown;
                _status.Run(nodeId, tool, status, ToolAuthLimits.Text(root, "method", 64), ToolAuthLimits.Text(root, "reason", 512),
                    SqliteTime.Format(ToolAuthLimits.Time(root, "checked_at") ?? ts), seq);
                return;
            }
            ApplyLogin(nodeId, type, tool, root);
        }
    }

    private void ApplyLogin(string nodeId, string type, string tool, JsonElement root)
    {
        if (ToolAuthLimits.Text(root, "login_id", 64) is not { } loginId || !ProtocolLimits.IsCommandId(loginId))
        {
            return;
        }
        var status = type switch
        {
            EventTypes.AuthLoginPending => AuthLoginStates.Pending,
            EventTypes.AuthLoginSucceeded => AuthLoginStates.Succeeded,
            _ => ToolAuthLimits.Text(root, "status", 32) == AuthLoginStates.ManualRequired ? AuthLoginStates.ManualRequired : AuthLoginStates.Failed,
        };
        var url = ToolAuthLimits.Text(root, "verification_url", 2048) is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed)
            && parsed.Scheme is "http" or "https" ? u : null;
        var guidance = root.TryGetProperty("manual_guidance", out var g) && g.ValueKind == JsonValueKind.Object && g.GetRawText().Length <= 8192
            ? g.GetRawText()
            : null;
        _login.Run(loginId, nodeId, tool, status, url, ToolAuthLimits.Text(root, "user_code", 64),
            SqliteTime.Format(ToolAuthLimits.Time(root, "expires_at")), ToolAuthLimits.Text(root, "reason", 512), guidance,
            SqliteTime.Format(timeProvider.GetUtcNow()));
    }
}
