using System.Globalization;
using System.Text.Json;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Ctl.Output;

/// <summary>
/// Renders events as a readable transcript: whole messages from <c>message.completed</c>, streamed
/// text only when asked (and then not repeated when the message completes), one line per tool call,
/// status change, error and usage report.
/// </summary>
internal sealed class TranscriptRenderer
{
    private const string Indent = "    ";

    private readonly TextWriter _output;
    private readonly bool _showDeltas;
    private readonly bool _showOrigin;
    private readonly TimeZoneInfo _timeZone;
    private readonly HashSet<string> _streamed = new(StringComparer.Ordinal);
    private string? _openMessageId;

    /// <param name="showDeltas">Print <c>message.delta</c> text as it streams.</param>
    /// <param name="showOrigin">Prefix each line with the node and session (for mixed event tails).</param>
    public TranscriptRenderer(TextWriter output, bool showDeltas = false, bool showOrigin = false, TimeZoneInfo? timeZone = null)
    {
        _output = output;
        _showDeltas = showDeltas;
        _showOrigin = showOrigin;
        _timeZone = timeZone ?? TimeZoneInfo.Local;
    }

    public void Render(EventDto evt)
    {
        if (evt.Type == EventTypes.MessageDelta)
        {
            RenderDelta(evt);
            return;
        }
        string? line;
        try
        {
            line = Describe(evt);
        }
        catch (JsonException)
        {
            line = Generic(evt);
        }
        if (line is null)
        {
            return;
        }
        CloseOpenMessage();
        _output.WriteLine(Prefix(evt) + line);
    }

    /// <summary>Ends a streamed message that never got its <c>message.completed</c>.</summary>
    public void Flush() => CloseOpenMessage();

    private string? Describe(EventDto evt) => evt.Type switch
    {
        EventTypes.MessageCompleted => Message(evt),
        EventTypes.ToolStarted => ToolStarted(Read(evt, ProtocolJsonContext.Default.ToolStartedData)),
        EventTypes.ToolFinished => ToolFinished(Read(evt, ProtocolJsonContext.Default.ToolFinishedData)),
        EventTypes.Usage => Usage(Read(evt, ProtocolJsonContext.Default.UsageData)),
        EventTypes.SessionError => Error(Read(evt, ProtocolJsonContext.Default.SessionErrorData)),
        EventTypes.SessionCreated => Created(Read(evt, ProtocolJsonContext.Default.SessionCreatedData)),
        EventTypes.SessionRunning => "◆ status: running",
        EventTypes.SessionIdle => "◆ status: idle",
        EventTypes.SessionCompleted => "◆ status: completed" + Reason(evt),
        EventTypes.SessionDeleted => "◆ session deleted" + Reason(evt),
        EventTypes.SessionCompacted => "◆ context compacted" + Reason(evt),
        EventTypes.SessionUpdated => Updated(Read(evt, ProtocolJsonContext.Default.SessionUpdatedData)),
        EventTypes.SessionRetry => Retry(Read(evt, ProtocolJsonContext.Default.SessionRetryData)),
        EventTypes.PermissionAsked => PermissionAsked(Read(evt, ProtocolJsonContext.Default.PermissionAskedData)),
        EventTypes.PermissionReplied => PermissionReplied(Read(evt, ProtocolJsonContext.Default.PermissionRepliedData)),
        EventTypes.TaskProgress => Task(Read(evt, ProtocolJsonContext.Default.TaskProgressData)),
        EventTypes.NodeOnline or EventTypes.NodeOffline => Node(evt, Read(evt, ProtocolJsonContext.Default.NodeStatusData)),
        _ => Generic(evt),
    };

    private string? Message(EventDto evt)
    {
        var data = Read(evt, ProtocolJsonContext.Default.MessageCompletedData);
        if (_streamed.Remove(data.MessageId))
        {
            // The text is on screen already from its deltas; just end that line.
            CloseOpenMessage();
            return null;
        }
        var text = data.Text.ReplaceLineEndings("\n").TrimEnd('\n');
        return $"{data.Role}: " + text.Replace("\n", "\n" + Indent, StringComparison.Ordinal);
    }

    private void RenderDelta(EventDto evt)
    {
        if (!_showDeltas)
        {
            return;
        }
        MessageDeltaData data;
        try
        {
            data = Read(evt, ProtocolJsonContext.Default.MessageDeltaData);
        }
        catch (JsonException)
        {
            return;
        }
        if (_openMessageId != data.MessageId)
        {
            CloseOpenMessage();
            _output.Write(Prefix(evt) + "assistant: ");
            _openMessageId = data.MessageId;
            _streamed.Add(data.MessageId);
        }
        _output.Write(data.Text);
        _output.Flush();
    }

    private void CloseOpenMessage()
    {
        if (_openMessageId is not null)
        {
            _output.WriteLine();
            _openMessageId = null;
        }
    }

    private static string ToolStarted(ToolStartedData data)
    {
        var summary = ToolInputSummary.Of(data.Input);
        return summary.Length == 0 ? $"▶ tool {data.Tool}" : $"▶ tool {data.Tool}: {summary}";
    }

    private static string ToolFinished(ToolFinishedData data) => data.Status == "completed"
        ? $"✓ tool {data.Tool} (completed)"
        : $"✗ tool {data.Tool} ({data.Status})" + (string.IsNullOrEmpty(data.Error) ? "" : ": " + Humanize.Clip(data.Error, 160));

    private static string Usage(UsageData data) =>
        string.Create(CultureInfo.InvariantCulture, $"· usage: tokens {data.Tokens.Input} in / {data.Tokens.Output} out, {Humanize.Cost(data.CostUsd)}")
        + (string.IsNullOrEmpty(data.Model) ? "" : $" ({data.Model})");

    private static string Error(SessionErrorData data) =>
        $"✗ error {data.ErrorName}" + (string.IsNullOrEmpty(data.Message) ? "" : ": " + Humanize.Clip(data.Message, 200))
        + (data.StatusCode is { } code ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {code})") : "");

    private static string Created(SessionCreatedData data) =>
        $"◆ session created in {data.Project} ({data.Runtime}" + (data.Model is null ? ")" : $", {data.Model})")
        + (string.IsNullOrEmpty(data.Title) ? "" : $": {data.Title}");

    private static string Updated(SessionUpdatedData data) =>
        "◆ session updated" + (data.Title is null ? "" : $": title \"{data.Title}\"") + (data.Model is null ? "" : $", model {data.Model}");

    private static string Retry(SessionRetryData data) =>
        string.Create(CultureInfo.InvariantCulture, $"↻ retry #{data.Attempt}") + (data.Message is null ? "" : ": " + Humanize.Clip(data.Message, 160));

    private static string PermissionAsked(PermissionAskedData data) =>
        $"? permission {data.Permission}" + (data.Tool is null ? "" : $" for {data.Tool}")
        + (data.Patterns.Count == 0 ? "" : ": " + Humanize.Clip(string.Join(", ", data.Patterns), 120));

    private static string PermissionReplied(PermissionRepliedData data) => $"? permission {data.PermissionId} → {data.Reply}";

    private static string Task(TaskProgressData data) =>
        string.Create(CultureInfo.InvariantCulture, $"☐ task: {data.CurrentTask ?? "-"} ({data.Done}/{data.Total})");

    private static string Node(EventDto evt, NodeStatusData data) =>
        $"◆ node {data.NodeId} {(evt.Type == EventTypes.NodeOnline ? "online" : "offline")}" + (data.Reason is null ? "" : $" ({data.Reason})");

    private static string Reason(EventDto evt) =>
        Read(evt, ProtocolJsonContext.Default.SessionStatusData).Reason is { Length: > 0 } reason ? $" ({reason})" : "";

    private static string Generic(EventDto evt) => $"· {evt.Type} {Humanize.Clip(JsonOutput.Compact(evt.Data), 160)}";

    private string Prefix(EventDto evt)
    {
        var time = TimeZoneInfo.ConvertTime(evt.Ts, _timeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return _showOrigin ? $"{time} {evt.NodeId ?? "-"} {evt.SessionId ?? "-"} " : time + " ";
    }

    private static T Read<T>(EventDto evt, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        evt.Data.Deserialize(typeInfo) ?? throw new JsonException($"{evt.Type} has no data");
}
