namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// One line of the transcript. Mutable while the session works: streamed text grows, a tool call gets its output, a
/// permission request its reply. <see cref="Key"/> is unique within a transcript (the message, call or permission id).
/// Public only because component parameters must be (a Razor component is a public class).
/// </summary>
public sealed class TranscriptEntry(TranscriptEntryKind kind, string key, DateTimeOffset at)
{
    public TranscriptEntryKind Kind { get; } = kind;

    public string Key { get; } = key;

    public DateTimeOffset At { get; } = at;

    /// <summary>The message text, the error message, or the permission's reason.</summary>
    public string Text { get; set; } = "";

    /// <summary>True while the text still streams (no message.completed yet).</summary>
    public bool Streaming { get; set; }

    /// <summary>The tool's name, or the permission's (e.g. <c>bash</c>).</summary>
    public string? Tool { get; set; }

    /// <summary>The tool's input as JSON text, or the permission's patterns, one per line.</summary>
    public string? Input { get; set; }

    public string? Output { get; set; }

    /// <summary>A tool's <c>running</c>, <c>completed</c> or <c>error</c>; a permission's reply (null while pending).</summary>
    public string? Status { get; set; }

    /// <summary>The runtime's id of the message or permission (a permission is answered by it through its approval).</summary>
    public string? ExternalId { get; set; }

    /// <summary>A copy to render while the live feed goes on changing this one.</summary>
    public TranscriptEntry Snapshot() => new(Kind, Key, At)
    {
        Text = Text,
        Streaming = Streaming,
        Tool = Tool,
        Input = Input,
        Output = Output,
        Status = Status,
        ExternalId = ExternalId,
    };
}
