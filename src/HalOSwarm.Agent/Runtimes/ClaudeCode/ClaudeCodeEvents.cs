using System.Text;
using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// Normalized events built from Claude Code's stream-json lines. Once-keys come from Claude's own ids
/// (message ids, tool_use ids, line uuids), so a line read twice (a cursor that did not move before a
/// crash, a resumed process that repeats itself) is still recorded once.
/// </summary>
internal static class ClaudeCodeEvents
{
    public const int MaxToolOutputChars = 4096;

    /// <summary>The name <see cref="SessionErrorData.ErrorName"/> carries for an interrupted turn (as opencode's abort).</summary>
    public const string AbortedErrorName = "MessageAbortedError";

    private static ProtocolJsonContext Ctx => ProtocolJsonContext.Default;

    public static PendingEvent Created(string sessionId, SessionCreatedData data) =>
        EventData.Create(EventTypes.SessionCreated, sessionId, data, Ctx.SessionCreatedData, "created:" + sessionId);

    public static PendingEvent Status(string type, string sessionId, string? reason = null, JsonElement? raw = null, string? onceKey = null) =>
        EventData.Create(type, sessionId, new SessionStatusData(reason, raw), Ctx.SessionStatusData, onceKey);

    public static PendingEvent Activity(string sessionId, string state, string? detail = null) =>
        EventData.Create(EventTypes.SessionActivity, sessionId, new SessionActivityData(state, detail), Ctx.SessionActivityData);

    public static PendingEvent Delta(string sessionId, string messageId, string partId, string text) =>
        EventData.Create(EventTypes.MessageDelta, sessionId, new MessageDeltaData(messageId, partId, text), Ctx.MessageDeltaData);

    public static PendingEvent Message(string sessionId, string messageId, string role, string text, string? model, string? finish, JsonElement? raw) =>
        EventData.Create(EventTypes.MessageCompleted, sessionId, new MessageCompletedData(messageId, role, text, model, finish, raw),
            Ctx.MessageCompletedData, "msg:" + messageId);

    public static PendingEvent ToolStarted(string sessionId, JsonElement block, string? messageId, JsonElement raw)
    {
        var id = block.Str("id") ?? "";
        return EventData.Create(EventTypes.ToolStarted, sessionId,
            new ToolStartedData(id, block.Str("name") ?? "", messageId, block.Get("input"), raw), Ctx.ToolStartedData, "tool-start:" + id);
    }

    public static PendingEvent ToolFinished(string sessionId, JsonElement block, string? tool, string? messageId, JsonElement raw)
    {
        var id = block.Str("tool_use_id") ?? "";
        var failed = block.Get("is_error").IsTrue();
        var output = Cut(ContentText(block.Get("content")));
        return EventData.Create(EventTypes.ToolFinished, sessionId,
            new ToolFinishedData(id, tool ?? "", messageId, failed ? "error" : "completed", null, failed ? null : output, failed ? output : null, raw),
            Ctx.ToolFinishedData, "tool:" + id);
    }

    public static PendingEvent Retry(string sessionId, JsonElement line, DateTimeOffset? next) =>
        EventData.Create(EventTypes.SessionRetry, sessionId,
            new SessionRetryData((int)(line.Get("attempt").Long() ?? 0), RetryMessage(line), next, line), Ctx.SessionRetryData,
            line.Str("uuid") is { } uuid ? "retry:" + uuid : null);

    public static PendingEvent Error(string sessionId, string name, string? message, int? status, DateTimeOffset? resetAt, JsonElement raw, string? onceKey) =>
        EventData.Create(EventTypes.SessionError, sessionId, new SessionErrorData(name, message, status, raw, resetAt), Ctx.SessionErrorData, onceKey);

    public static PendingEvent Usage(string sessionId, string id, string? model, TokenCounts tokens, decimal cost, long context, JsonElement raw) =>
        EventData.Create(EventTypes.Usage, sessionId, new UsageData(id, "anthropic", model, tokens, cost, context, raw), Ctx.UsageData, "usage:" + id);

    public static PendingEvent PermissionAsked(string sessionId, string permissionId, string tool, JsonElement input)
    {
        var pattern = input.Str("command") ?? input.Str("file_path") ?? input.Str("path") ?? input.Str("url") ?? input.GetRawText();
        return EventData.Create(EventTypes.PermissionAsked, sessionId,
            new PermissionAskedData(permissionId, tool, tool, [pattern], input.Str("description"), input), Ctx.PermissionAskedData,
            "perm:" + permissionId);
    }

    public static PendingEvent PermissionReplied(string sessionId, string permissionId, string reply) =>
        EventData.Create(EventTypes.PermissionReplied, sessionId, new PermissionRepliedData(permissionId, reply), Ctx.PermissionRepliedData,
            "perm-reply:" + permissionId);

    /// <summary>A tool result's content: a string, or the text of its blocks.</summary>
    public static string ContentText(JsonElement? content)
    {
        if (content is not { } value)
        {
            return "";
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? "";
        }
        var text = new StringBuilder();
        foreach (var block in value.Items())
        {
            if (block.Str("type") == "text")
            {
                text.Append(block.Str("text"));
            }
        }
        return text.ToString();
    }

    private static string? RetryMessage(JsonElement line)
    {
        var status = line.Get("error_status").Long();
        var error = line.Str("error");
        return status is null ? error : $"{error ?? "error"} (HTTP {status})";
    }

    private static string Cut(string text) => text.Length > MaxToolOutputChars ? text[..MaxToolOutputChars] : text;
}
