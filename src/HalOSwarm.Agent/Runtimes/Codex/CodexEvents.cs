using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>Normalized events from Codex app-server objects; message ids are <c>turn/item</c> (item ids repeat across turns).</summary>
internal static class CodexEvents
{
    public const int MaxToolOutputChars = 4096;

    private static ProtocolJsonContext Ctx => ProtocolJsonContext.Default;

    public static string MessageId(string? turnId, string? itemId) => $"{turnId}/{itemId}";

    public static PendingEvent Created(string threadId, SessionCreatedData data) =>
        EventData.Create(EventTypes.SessionCreated, threadId, data, Ctx.SessionCreatedData, "created:" + threadId);

    public static PendingEvent Deleted(string threadId, string reason) =>
        EventData.Create(EventTypes.SessionDeleted, threadId, new SessionStatusData(reason), Ctx.SessionStatusData, "deleted:" + threadId);

    public static PendingEvent Status(string type, string threadId, string? reason, JsonElement? raw, string? onceKey) =>
        EventData.Create(type, threadId, new SessionStatusData(reason, raw), Ctx.SessionStatusData, onceKey);

    public static PendingEvent Delta(string threadId, string messageId, string text) =>
        EventData.Create(EventTypes.MessageDelta, threadId, new MessageDeltaData(messageId, null, text), Ctx.MessageDeltaData);

    public static PendingEvent Message(string threadId, string messageId, string role, string text, string? model, string? finish, JsonElement? raw) =>
        EventData.Create(EventTypes.MessageCompleted, threadId, new MessageCompletedData(messageId, role, text, model, finish, raw),
            Ctx.MessageCompletedData, "msg:" + messageId);

    public static PendingEvent ToolStarted(string threadId, string? turnId, JsonElement item)
    {
        var callId = MessageId(turnId, item.Str("id"));
        return EventData.Create(EventTypes.ToolStarted, threadId,
            new ToolStartedData(callId, ToolName(item), null, ToolInput(item), item), Ctx.ToolStartedData, "tool-start:" + callId);
    }

    public static PendingEvent ToolFinished(string threadId, string? turnId, JsonElement item)
    {
        var callId = MessageId(turnId, item.Str("id"));
        var output = item.Str("aggregatedOutput");
        if (output is { Length: > MaxToolOutputChars })
        {
            output = output[..MaxToolOutputChars];
        }
        var status = item.Str("status") is "completed" ? "completed" : "error";
        var exit = item.Get("exitCode").Long();
        var error = status == "error" ? $"{item.Str("status")}{(exit is null ? "" : $" (exit code {exit})")}" : null;
        return EventData.Create(EventTypes.ToolFinished, threadId,
            new ToolFinishedData(callId, ToolName(item), null, status, item.Str("command"), output, error, item), Ctx.ToolFinishedData, "tool:" + callId);
    }

    public static PendingEvent Error(string threadId, string? turnId, JsonElement? error, JsonElement? rateLimits, JsonElement raw)
    {
        var status = CodexErrors.StatusCode(error);
        var data = new SessionErrorData(CodexErrors.Name(error), error.Get("message").Str(), status, raw, CodexErrors.ResetAt(status, rateLimits));
        return EventData.Create(EventTypes.SessionError, threadId, data, Ctx.SessionErrorData, "error:" + turnId);
    }

    public static PendingEvent Retry(string threadId, JsonElement? error, JsonElement raw) =>
        EventData.Create(EventTypes.SessionRetry, threadId, new SessionRetryData(0, error.Get("message").Str(), null, raw), Ctx.SessionRetryData);

    public static PendingEvent Usage(string threadId, string turnId, string? provider, string? model, CodexTokens tokens, decimal cost, long contextTokens, JsonElement? raw) =>
        EventData.Create(EventTypes.Usage, threadId, new UsageData(turnId, provider, model, tokens.ToCounts(), cost, contextTokens, raw),
            Ctx.UsageData, "usage:" + turnId);

    public static PendingEvent PermissionAsked(string threadId, string permissionId, string method, JsonElement parameters)
    {
        var isPatch = method is "item/fileChange/requestApproval" or "applyPatchApproval";
        var command = parameters.Str("command") ?? string.Join(' ', parameters.Get("command").Strings());
        IReadOnlyList<string> patterns = isPatch ? [.. FileChanges(parameters)] : [command];
        var data = new PermissionAskedData(permissionId, isPatch ? "edit" : "bash", isPatch ? "apply_patch" : "exec_command", patterns,
            parameters.Str("reason"), parameters);
        return EventData.Create(EventTypes.PermissionAsked, threadId, data, Ctx.PermissionAskedData, "perm:" + permissionId);
    }

    public static PendingEvent PermissionReplied(string threadId, string permissionId, string reply) =>
        EventData.Create(EventTypes.PermissionReplied, threadId, new PermissionRepliedData(permissionId, reply), Ctx.PermissionRepliedData,
            "perm-replied:" + permissionId);

    private static IEnumerable<string> FileChanges(JsonElement parameters) =>
        parameters.Get("fileChanges") is { ValueKind: JsonValueKind.Object } changes
            ? changes.EnumerateObject().Select(p => p.Name)
            : parameters.Get("grantRoot").Str() is { } root ? [root] : [];

    public static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string ToolName(JsonElement item) => item.Str("type") switch
    {
        "commandExecution" => "exec_command",
        "fileChange" => "apply_patch",
        "mcpToolCall" => item.Str("tool") ?? "mcp",
        var other => other ?? "tool",
    };

    private static JsonElement? ToolInput(JsonElement item) => item.Str("type") switch
    {
        "commandExecution" => Element(new JsonObject { ["command"] = item.Str("command"), ["cwd"] = item.Str("cwd") }),
        "fileChange" => item.Get("changes"),
        _ => item.Get("arguments"),
    };
}
