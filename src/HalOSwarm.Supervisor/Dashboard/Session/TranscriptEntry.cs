namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// One line of the transcript. Mutable while the session works: streamed text grows, a tool call gets its output, a
/// permission request its reply. <see cref="Key"/> is unique within a transcript (the message, call or permission id).
/// Public only because component parameters must be (a Razor component is a public class).
/// </summary>
public sealed class TranscriptEntry(TranscriptEntryKind kind, string key, DateTimeOffset at)
{
    private TranscriptEntry? _snapshot;
    private string _text = "";
    private bool _streaming;
    private string? _tool;
    private string? _input;
    private string? _output;
    private string? _status;

    public TranscriptEntryKind Kind { get; } = kind;

    public string Key { get; } = key;

    public DateTimeOffset At { get; } = at;

    /// <summary>The message text, the error message, or the permission's reason.</summary>
    public string Text { get => _text; set => Set(ref _text, value); }

    /// <summary>True while the text still streams (no message.completed yet).</summary>
    public bool Streaming { get => _streaming; set => Set(ref _streaming, value); }

    /// <summary>The tool's name, or the permission's (e.g. <c>bash</c>).</summary>
    public string? Tool { get => _tool; set => Set(ref _tool, value); }

    /// <summary>The tool's input as JSON text, or the permission's patterns, one per line.</summary>
    public string? Input { get => _input; set => Set(ref _input, value); }

    public string? Output { get => _output; set => Set(ref _output, value); }

    /// <summary>A tool's <c>running</c>, <c>completed</c> or <c>error</c>; a permission's reply (null while pending).</summary>
    public string? Status { get => _status; set => Set(ref _status, value); }

    /// <summary>The runtime's id of the message, call or permission (a permission is answered through its approval).</summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// A copy to render while the live feed goes on changing this one; the same copy until this line changes, so the
    /// page re-renders only the lines that did.
    /// </summary>
    public TranscriptEntry Snapshot() => _snapshot ??= new(Kind, Key, At)
    {
        _text = _text,
        _streaming = _streaming,
        _tool = _tool,
        _input = _input,
        _output = _output,
        _status = _status,
        ExternalId = ExternalId,
    };

    private void Set<T>(ref T field, T value)
    {
        field = value;
        _snapshot = null;
    }
}
