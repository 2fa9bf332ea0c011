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
        EventTypes.MessageCompleted => Message(Read(stored, ProtocolJsonContext.Default.MessageCompletedData)),
        EventTypes.ToolStarted => ToolStarted(Read(stored, ProtocolJsonContext.Default.ToolStartedData)),
        EventTypes.ToolFinished => ToolFinished(Read(stored, ProtocolJsonContext.Default.ToolFinishedData)),
        EventTypes.SessionError => Error(Read(stored, ProtocolJsonContext.Default.SessionErrorData)),
        EventTypes.SessionCreated => Created(Read(stored, ProtocolJsonContext.Default.SessionCreatedData)),
        EventTypes.SessionRunning => "◆ running",
        EventTypes.SessionIdle => "◆ idle, waiting for input",
        EventTypes.SessionCompleted => "◆ completed" + Reason(stored),
        EventTypes.SessionDeleted => "◆ deleted" + Reason(stored),
        EventTypes.SessionCompacted => "◆ context compacted",
        EventTypes.SessionRetry => Retry(Read(stored, ProtocolJsonContext.Default.SessionRetryData)),
        EventTypes.PermissionAsked => Asked(Read(stored, ProtocolJsonContext.Default.PermissionAskedData)),
        EventTypes.PermissionReplied => $"? permission answered: {Read(stored, ProtocolJsonContext.Default.PermissionRepliedData).Reply}",
        EventTypes.TaskProgress => Task(Read(stored, ProtocolJsonContext.Default.TaskProgressData)),
        EventTypes.SessionNeedsInput => "! needs input" + Field(stored, "reason"),
        _ => stored.Type + Field(stored, "reason"),
    };

    private static string Message(MessageCompletedData data) => $"{data.Role}: {data.Text.Trim()}";

    private static string ToolStarted(ToolStartedData data) => $"▶ {data.Tool}" + (Input(data.Input) is { Length: > 0 } input ? $": {input}" : "");

    private static string ToolFinished(ToolFinishedData data) => data.Status == "completed"
        ? $"✓ {data.Tool}"
        : $"✗ {data.Tool} ({data.Status})" + (data.Error is { Length: > 0 } error ? $": {error}" : "");

    private static string Error(SessionErrorData data) => $"✗ error {data.ErrorName}" + (data.Message is { Length: > 0 } message ? $": {message}" : "");

    private static string Created(SessionCreatedData data) => $"◆ session created in {data.Project}" + (data.Title is { Length: > 0 } title ? $": {title}" : "");

    private static string Retry(SessionRetryData data) =>
        string.Create(CultureInfo.InvariantCulture, $"↻ retry #{data.Attempt}") + (data.Message is { Length: > 0 } why ? $": {why}" : "");

    private static string Asked(PermissionAskedData data) => $"? asks permission: {data.Permission}" + (data.Tool is null ? "" : $" ({data.Tool})")
        + (data.Patterns.Count == 0 ? "" : ": " + string.Join(", ", data.Patterns));

    private static string Task(TaskProgressData data) =>
        string.Create(CultureInfo.InvariantCulture, $"☐ task {data.Done}/{data.Total}: {data.CurrentTask ?? "-"}");

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
