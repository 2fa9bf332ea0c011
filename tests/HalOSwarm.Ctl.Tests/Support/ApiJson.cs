using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Tests.Support;

/// <summary>API documents as the contract in docs/API.md describes them.</summary>
internal static class ApiJson
{
    public static string Envelope(JsonNode? data, string? nextCursor = null) => new JsonObject
    {
        ["data"] = data,
        ["meta"] = nextCursor is null ? new JsonObject() : new JsonObject { ["next_cursor"] = nextCursor },
    }.ToJsonString();

    public static string Error(string message, string code, JsonNode? details = null)
    {
        var body = new JsonObject { ["error"] = message, ["code"] = code };
        if (details is not null)
        {
            body["details"] = details;
        }
        return body.ToJsonString();
    }

    public static JsonObject Event<T>(long id, string type, T data, JsonTypeInfo<T> typeInfo, string? sessionId = "ses_1") => new()
    {
        ["id"] = id,
        ["node_id"] = "node-1",
        ["seq"] = id,
        ["type"] = type,
        ["session_id"] = sessionId,
        ["ts"] = "2025-06-01T11:59:00Z",
        ["data"] = JsonSerializer.SerializeToNode(data, typeInfo),
    };

    public static EventDto Dto(JsonObject evt) =>
        JsonSerializer.Deserialize(evt.ToJsonString(), CtlJsonContext.Default.EventDto)!;

    public static JsonObject Session(string id, string status = SessionStatuses.Running, string? nextTask = "Fix the login bug") => new()
    {
        ["session_id"] = id,
        ["node_id"] = "node-1",
        ["project"] = "demo",
        ["runtime"] = "opencode",
        ["status"] = status,
        ["model"] = "claude-sonnet",
        ["title"] = "Login",
        ["tokens"] = new JsonObject { ["input"] = 12345, ["output"] = 678, ["reasoning"] = 0, ["cache_read"] = 0, ["cache_write"] = 0 },
        ["cost_usd"] = 0.4213,
        ["compaction_count"] = 0,
        ["context_tokens"] = 20000,
        ["current_task"] = nextTask,
        ["task_done"] = 2,
        ["task_total"] = 5,
        ["last_error"] = null,
        ["parent_session_id"] = null,
        ["started_at"] = "2025-06-01T11:00:00Z",
        ["last_activity_at"] = "2025-06-01T11:57:00Z",
        ["ended_at"] = null,
    };

    public static JsonObject Command(string id, string type, string? sessionId) => new()
    {
        ["command_id"] = id,
        ["type"] = type,
        ["node_id"] = "node-1",
        ["session_id"] = type == "start" ? null : sessionId,
        ["project"] = "demo",
        ["args"] = new JsonObject(),
        ["state"] = "succeeded",
        ["result"] = type == "start" ? new JsonObject { ["session_id"] = sessionId } : null,
        ["error"] = null,
        ["error_code"] = null,
        ["created_at"] = "2025-06-01T11:59:58Z",
        ["updated_at"] = "2025-06-01T11:59:59Z",
    };
}
