using System.Text;
using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// Normalized events from opencode objects (session info, message info, parts). Shared by the live
/// mapper and the reconciler so a message yields the same events whichever path sees it first; the
/// once-keys make sure only the first one is recorded.
/// </summary>
internal static class OpenCodeEventFactory
{
    public const int MaxToolOutputChars = 4096;

    private static ProtocolJsonContext Ctx => ProtocolJsonContext.Default;

    public static string CreatedKey(string sessionId) => "created:" + sessionId;

    public static string MessageKey(string messageId) => "msg:" + messageId;

    /// <summary><paramref name="adopted"/>: a session this agent did not create (made in opencode itself, or by another client).</summary>
    public static PendingEvent SessionCreated(string project, JsonElement info, JsonElement raw, WorktreeInfo? worktree = null, bool adopted = false)
    {
        var id = info.Str("id") ?? "";
        var data = new SessionCreatedData(project, RuntimeNames.OpenCode, info.Str("directory"), info.Str("title"), SessionModel(info),
            info.Str("parentID"), raw, adopted, worktree?.Root, worktree?.Branch);
        return EventData.Create(EventTypes.SessionCreated, id, data, Ctx.SessionCreatedData, CreatedKey(id));
    }

    public static PendingEvent SessionDeleted(string sessionId, JsonElement raw) =>
        EventData.Create(EventTypes.SessionDeleted, sessionId, new SessionStatusData(null, raw), Ctx.SessionStatusData, "deleted:" + sessionId);

    public static PendingEvent Status(string type, string sessionId, JsonElement? raw, string? reason = null) =>
        EventData.Create(type, sessionId, new SessionStatusData(reason, raw), Ctx.SessionStatusData);

    public static PendingEvent Retry(string sessionId, JsonElement status, JsonElement raw) =>
        EventData.Create(EventTypes.SessionRetry, sessionId,
            new SessionRetryData((int)(status.Get("attempt").Long() ?? 0), status.Str("message"), status.Get("next").UnixMs(), raw),
            Ctx.SessionRetryData);

    public static PendingEvent Error(string? sessionId, JsonElement? error, JsonElement raw)
    {
        var data = error.Get("data");
        var status = data.Get("statusCode").Long();
        return EventData.Create(EventTypes.SessionError, sessionId,
            new SessionErrorData(error.Get("name").Str() ?? "UnknownError", data.Get("message").Str(), status is null ? null : (int)status, raw),
            Ctx.SessionErrorData);
    }

    public static PendingEvent ToolStarted(string sessionId, JsonElement part)
    {
        var callId = part.Str("callID") ?? part.Str("id") ?? "";
        return EventData.Create(EventTypes.ToolStarted, sessionId,
            new ToolStartedData(callId, part.Str("tool") ?? "", part.Str("messageID"), part.Get("state").Get("input"), part),
            Ctx.ToolStartedData, "tool-start:" + callId);
    }

    public static PendingEvent ToolFinished(string sessionId, JsonElement part)
    {
        var callId = part.Str("callID") ?? part.Str("id") ?? "";
        var state = part.Get("state");
        var output = state.Get("output").Str();
        if (output is { Length: > MaxToolOutputChars })
        {
            output = output[..MaxToolOutputChars];
        }
        return EventData.Create(EventTypes.ToolFinished, sessionId,
            new ToolFinishedData(callId, part.Str("tool") ?? "", part.Str("messageID"), state.Get("status").Str() ?? "completed",
                state.Get("title").Str(), output, state.Get("error").Str(), part),
            Ctx.ToolFinishedData, "tool:" + callId);
    }

    public static bool IsToolFinished(JsonElement part) =>
        part.Str("type") == "tool" && part.Get("state").Get("status").Str() is "completed" or "error";

    /// <summary>The events of a finished message: its tools' results, the message itself and, for an assistant, its usage.</summary>
    public static IEnumerable<PendingEvent> MessageFinished(string sessionId, JsonElement info, IReadOnlyList<JsonElement> parts, string text, bool includeTools = true)
    {
        foreach (var part in includeTools ? parts.Where(IsToolFinished) : [])
        {
            yield return ToolFinished(sessionId, part);
        }
        var id = info.Str("id") ?? "";
        var role = info.Str("role") ?? "assistant";
        var model = role == "assistant" ? info.Str("modelID") : info.Get("model").Get("modelID").Str();
        yield return EventData.Create(EventTypes.MessageCompleted, sessionId,
            new MessageCompletedData(id, role, text, model, info.Str("finish"), info), Ctx.MessageCompletedData, MessageKey(id));
        if (role == "assistant")
        {
            yield return Usage(sessionId, info);
        }
    }

    public static PendingEvent Usage(string sessionId, JsonElement info)
    {
        var tokens = info.Get("tokens");
        var cache = tokens.Get("cache");
        var counts = new TokenCounts(
            tokens.Get("input").Long() ?? 0,
            tokens.Get("output").Long() ?? 0,
            tokens.Get("reasoning").Long() ?? 0,
            cache.Get("read").Long() ?? 0,
            cache.Get("write").Long() ?? 0);
        var id = info.Str("id") ?? "";
        return EventData.Create(EventTypes.Usage, sessionId,
            new UsageData(id, info.Str("providerID"), info.Str("modelID"), counts, info.Get("cost").Decimal() ?? 0m,
                counts.Input + counts.CacheRead + counts.CacheWrite, info),
            Ctx.UsageData, "usage:" + id);
    }

    /// <summary>The text of a message: its text parts in order, synthetic ones left out.</summary>
    public static string Text(IEnumerable<JsonElement> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Str("type") == "text" && !part.Get("synthetic").IsTrue())
            {
                text.Append(part.Str("text"));
            }
        }
        return text.ToString();
    }

    /// <summary>The parts of a message as the HTTP API returns it (<c>{info, parts}</c>); none when absent.</summary>
    public static IReadOnlyList<JsonElement> Parts(JsonElement message) =>
        message.Get("parts") is { ValueKind: JsonValueKind.Array } parts ? [.. parts.EnumerateArray()] : [];

    public static bool IsFinished(JsonElement info) =>
        info.Str("role") == "user" || info.Get("time").Get("completed") is not null;

    public static string? SessionModel(JsonElement info) =>
        info.Get("model") is { } model ? model.Str("id") ?? model.Str("modelID") : null;
}
