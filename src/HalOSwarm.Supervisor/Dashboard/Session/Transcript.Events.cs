using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>How each event type changes the transcript.</summary>
internal sealed partial class Transcript
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private bool Delta(StoredEvent stored, JsonElement data)
    {
        var messageId = Str(data, "message_id") ?? "";
        var text = Str(data, "text");
        if (string.IsNullOrEmpty(text) || _completed.Contains(messageId))
        {
            return false;
        }
        var key = "message:" + messageId;
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = Add(TranscriptEntryKind.Assistant, key, stored.Ts);
            entry.ExternalId = messageId;
            entry.Streaming = true;
        }
        var part = Str(data, "part_id") ?? "";
        if (_lastPart.TryGetValue(messageId, out var previous) && previous != part && entry.Text.Length > 0)
        {
            entry.Text += "\n\n";
        }
        _lastPart[messageId] = part;
        entry.Text += text;
        return true;
    }

    private bool Completed(StoredEvent stored, JsonElement data)
    {
        var messageId = Str(data, "message_id") ?? "";
        var text = Str(data, "text") ?? "";
        var kind = Str(data, "role") == "user" ? TranscriptEntryKind.User : TranscriptEntryKind.Assistant;
        _completed.Add(messageId);
        _lastPart.Remove(messageId);
        var key = "message:" + messageId;
        if (_byKey.TryGetValue(key, out var entry) && entry.Kind == kind)
        {
            entry.Streaming = false;
            if (text.Length > 0)
            {
                entry.Text = text;
            }
            return true;
        }
        if (text.Trim().Length == 0)
        {
            return false;
        }
        entry = Add(kind, key, stored.Ts);
        entry.ExternalId = messageId;
        entry.Text = text;
        return true;
    }

    private bool ToolStarted(StoredEvent stored, JsonElement data)
    {
        var entry = Tool(stored, data);
        entry.Status ??= "running";
        if (data.TryGetProperty("input", out var input) && input.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            entry.Input = input.ValueKind == JsonValueKind.String ? input.GetString() : JsonSerializer.Serialize(input, s_indented);
        }
        return true;
    }

    private bool ToolFinished(StoredEvent stored, JsonElement data)
    {
        var entry = Tool(stored, data);
        entry.Status = Str(data, "status") ?? "completed";
        entry.Text = Str(data, "title") ?? entry.Text;
        entry.Output = Str(data, "error") is { Length: > 0 } error ? error : Str(data, "output");
        return true;
    }

    private TranscriptEntry Tool(StoredEvent stored, JsonElement data)
    {
        var callId = Str(data, "call_id") ?? stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = "tool:" + callId;
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = Add(TranscriptEntryKind.Tool, key, stored.Ts);
            entry.ExternalId = callId;
            entry.Tool = Str(data, "tool");
        }
        return entry;
    }

    private bool PermissionAsked(StoredEvent stored, JsonElement data)
    {
        var permissionId = Str(data, "permission_id") ?? "";
        var key = "permission:" + permissionId;
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = Add(TranscriptEntryKind.Permission, key, stored.Ts);
            entry.ExternalId = permissionId;
        }
        entry.Tool = Str(data, "tool") ?? Str(data, "permission");
        entry.Text = Str(data, "reason") ?? Str(data, "permission") ?? "";
        if (data.TryGetProperty("patterns", out var patterns) && patterns.ValueKind == JsonValueKind.Array)
        {
            entry.Input = string.Join('\n', patterns.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()));
        }
        AddTimeline(stored, "permission asked", entry.Text);
        return true;
    }

    private bool PermissionReplied(StoredEvent stored, JsonElement data)
    {
        var key = "permission:" + (Str(data, "permission_id") ?? "");
        if (!_byKey.TryGetValue(key, out var entry))
        {
            return false;
        }
        entry.Status = Str(data, "reply") ?? "answered";
        return true;
    }

    private bool Status(StoredEvent stored, JsonElement data)
    {
        if (!stored.Type.StartsWith("session.", StringComparison.Ordinal) || stored.Type == EventTypes.SessionUpdated)
        {
            return false;
        }
        if (stored.Type == EventTypes.SessionActivity)
        {
            var state = Str(data, "state") ?? "unknown";
            if (_timeline.Count > 0 && _timeline[^1].Label == "activity: " + state)
            {
                return false;
            }
            AddTimeline(stored, "activity: " + state, Str(data, "detail"));
            return true;
        }
        var label = stored.Type["session.".Length..].Replace('_', ' ');
        AddTimeline(stored, label, Str(data, "reason") ?? Str(data, "message"));
        return true;
    }
}
