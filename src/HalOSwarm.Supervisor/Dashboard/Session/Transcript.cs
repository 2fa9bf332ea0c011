using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// The session page's model: stored events of one session, applied in id order, become readable transcript lines
/// (streamed deltas coalesced per message, tool calls joined with their results, permission requests with their replies)
/// and a status timeline. Holds at most <see cref="MaxEntries"/> lines and <see cref="MaxTimeline"/> changes; the oldest
/// go first. Not thread-safe: the page applies events under its own lock.
/// </summary>
internal sealed partial class Transcript
{
    public const int MaxEntries = 2000;
    public const int MaxTimeline = 200;
    private readonly List<TranscriptEntry> _entries = [];
    private readonly Dictionary<string, TranscriptEntry> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastPart = new(StringComparer.Ordinal);
    private readonly List<TimelineEntry> _timeline = [];

    public IReadOnlyList<TranscriptEntry> Entries => _entries;

    /// <summary>Status and activity changes, oldest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>The id of the last event applied; events at or below it are skipped.</summary>
    public long LastId { get; private set; }

    /// <summary>Lines were dropped to stay under <see cref="MaxEntries"/>.</summary>
    public bool Trimmed { get; private set; }

    /// <summary>Applies one event of the session; false when it was seen already or changes nothing shown.</summary>
    public bool Apply(StoredEvent stored)
    {
        if (stored.Id <= LastId)
        {
            return false;
        }
        LastId = stored.Id;
        if (!Shown(stored.Type))
        {
            return false;
        }
        JsonElement data;
        try
        {
            using var document = stored.DataUtf8.IsEmpty ? JsonDocument.Parse(stored.Data) : JsonDocument.Parse(stored.DataUtf8);
            data = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return false;
        }
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        return ApplyData(stored, data);
    }

    private static bool Shown(string type) =>
        type.StartsWith("session.", StringComparison.Ordinal) || type.StartsWith("message.", StringComparison.Ordinal)
        || type.StartsWith("tool.", StringComparison.Ordinal) || type.StartsWith("permission.", StringComparison.Ordinal);

    private bool ApplyData(StoredEvent stored, JsonElement data)
    {
        switch (stored.Type)
        {
            case EventTypes.MessageDelta:
                return Delta(stored, data);
            case EventTypes.MessageCompleted:
                return Completed(stored, data);
            case EventTypes.ToolStarted:
                return ToolStarted(stored, data);
            case EventTypes.ToolFinished:
                return ToolFinished(stored, data);
            case EventTypes.PermissionAsked:
                return PermissionAsked(stored, data);
            case EventTypes.PermissionReplied:
                return PermissionReplied(stored, data);
            case EventTypes.SessionError:
                var error = Add(TranscriptEntryKind.Error, "error:" + stored.Id, stored.Ts);
                error.Text = Str(data, "message") is { Length: > 0 } message ? $"{Str(data, "error_name")}: {message}" : Str(data, "error_name") ?? "error";
                AddTimeline(stored, "error", error.Text);
                return true;
            default:
                return Status(stored, data);
        }
    }

    private TranscriptEntry Add(TranscriptEntryKind kind, string key, DateTimeOffset at)
    {
        var entry = new TranscriptEntry(kind, key, at);
        _entries.Add(entry);
        _byKey[key] = entry;
        if (_entries.Count > MaxEntries)
        {
            _byKey.Remove(_entries[0].Key);
            _entries.RemoveAt(0);
            Trimmed = true;
        }
        return entry;
    }

    private void AddTimeline(StoredEvent stored, string label, string? detail)
    {
        _timeline.Add(new TimelineEntry(stored.Ts, label, detail));
        if (_timeline.Count > MaxTimeline)
        {
            _timeline.RemoveAt(0);
        }
    }

    private static string? Str(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
