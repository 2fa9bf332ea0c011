using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// A session's stored events as transcript lines in words, for <c>/logs</c>: whole messages (not their streamed pieces),
/// one line per tool call, status change, error, permission request and policy decision.
/// </summary>
internal static class ChatEventLines
{
    /// <summary>The event types <c>/logs</c> reads (streamed text and usage reports are left out).</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        EventTypes.MessageCompleted, EventTypes.ToolStarted, EventTypes.ToolFinished, EventTypes.SessionError, EventTypes.SessionCreated,
        EventTypes.SessionRunning, EventTypes.SessionIdle, EventTypes.SessionCompleted, EventTypes.SessionDeleted, EventTypes.SessionCompacted,
        EventTypes.SessionRetry, EventTypes.PermissionAsked, EventTypes.PermissionReplied, EventTypes.TaskProgress, EventTypes.SessionNeedsInput,
    ];

    public static readonly IReadOnlyList<string> Prefixes = [EventTypes.PolicyPrefix];

    private static readonly string[] s_inputKeys = ["command", "filePath", "file_path", "path", "pattern", "url", "query", "description"];

    public static string Describe(StoredEvent stored)
    {
        var time = stored.Ts.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        string text;
        try
        {
            text = Words(stored);
        }
        catch (JsonException)
        {
            text = stored.Type;
        }
        return ChatText.Clip(ChatText.OneLine($"{time} {text}"), ChatLimits.MaxLogLineChars);
    }

    private static string Words(StoredEvent stored) => stored.Type switch
    {
        EventTypes.MessageCompleted => Read(stored, ProtocolJsonContext.Default.MessageCompletedData) is var m ? $"{m.Role}: {m.Text.Trim()}" : "",
        EventTypes.ToolStarted => Read(stored, ProtocolJsonContext.Default.ToolStartedData) is var t
            ? $"▶ {t.Tool}" + (Input(t.Input) is { Length: > 0 } input ? $": {input}" : "") : "",
        EventTypes.ToolFinished => Read(stored, ProtocolJsonContext.Default.ToolFinishedData) is var f
            ? f.Status == "completed" ? $"✓ {f.Tool}" : $"✗ {f.Tool} ({f.Status})" + (f.Error is { Length: > 0 } e ? $": {e}" : "") : "",
        EventTypes.SessionError => Read(stored, ProtocolJsonContext.Default.SessionErrorData) is var err
            ? $"✗ error {err.ErrorName}" + (err.Message is { Length: > 0 } message ? $": {message}" : "") : "",
        EventTypes.SessionCreated => Read(stored, ProtocolJsonContext.Default.SessionCreatedData) is var c
            ? $"◆ session created in {c.Project}" + (c.Title is { Length: > 0 } title ? $": {title}" : "") : "",
        EventTypes.SessionRunning => "◆ running",
        EventTypes.SessionIdle => "◆ idle, waiting for input",
        EventTypes.SessionCompleted => "◆ completed" + Reason(stored),
        EventTypes.SessionDeleted => "◆ deleted" + Reason(stored),
        EventTypes.SessionCompacted => "◆ context compacted",
        EventTypes.SessionRetry => Read(stored, ProtocolJsonContext.Default.SessionRetryData) is var r
            ? string.Create(CultureInfo.InvariantCulture, $"↻ retry #{r.Attempt}") + (r.Message is { Length: > 0 } why ? $": {why}" : "") : "",
        EventTypes.PermissionAsked => Read(stored, ProtocolJsonContext.Default.PermissionAskedData) is var p
            ? $"? asks permission: {p.Permission}" + (p.Tool is null ? "" : $" ({p.Tool})") + (p.Patterns.Count == 0 ? "" : ": " + string.Join(", ", p.Patterns)) : "",
        EventTypes.PermissionReplied => Read(stored, ProtocolJsonContext.Default.PermissionRepliedData) is var pr ? $"? permission answered: {pr.Reply}" : "",
        EventTypes.TaskProgress => Read(stored, ProtocolJsonContext.Default.TaskProgressData) is var task
            ? string.Create(CultureInfo.InvariantCulture, $"☐ task {task.Done}/{task.Total}: {task.CurrentTask ?? "-"}") : "",
        EventTypes.SessionNeedsInput => "! needs input" + Field(stored, "reason"),
        _ => stored.Type + Field(stored, "reason"),
    };

    private static string Reason(StoredEvent stored) => Field(stored, "reason") is { Length: > 0 } reason ? $" ({reason[2..]})" : "";

    /// <summary>": VALUE" of a top-level string field of the data, or empty.</summary>
    private static string Field(StoredEvent stored, string name)
    {
        using var document = JsonDocument.Parse(stored.Data);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? $": {text}" : "";
    }

    private static string Input(JsonElement? input)
    {
        if (input is not { } value)
        {
            return "";
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? "";
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in s_inputKeys)
            {
                if (value.TryGetProperty(key, out var field) && field.ValueKind == JsonValueKind.String && field.GetString() is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }
        return "";
    }

    private static T Read<T>(StoredEvent stored, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(stored.Data, typeInfo) ?? throw new JsonException($"{stored.Type} has no data");
}
