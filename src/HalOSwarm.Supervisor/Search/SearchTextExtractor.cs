using System.Text;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// What of a stored event is searchable: per type, the fields a reader looks for (a message's whole text once it is
/// finished, a tool's name, input and output, errors, titles, permission requests, policy reasons), string values of
/// nested input flattened, at most <c>search.max_text_chars</c> characters. Streamed <c>message.delta</c> text is not
/// indexed: the same text arrives whole in <c>message.completed</c>, and indexing both would find every word twice.
/// The runtime's native event (<c>data.raw</c>) is left out: it repeats the fields above in the runtime's own words.
/// </summary>
internal static class SearchTextExtractor
{
    private const string PolicyFields = "reason";
    private const int MaxDepth = 16;

    private static readonly Dictionary<string, string[]> s_fields = new(StringComparer.Ordinal)
    {
        [EventTypes.MessageCompleted] = ["text"],
        [EventTypes.ToolStarted] = ["tool", "input"],
        [EventTypes.ToolFinished] = ["tool", "title", "output", "error"],
        [EventTypes.SessionCreated] = ["title"],
        [EventTypes.SessionUpdated] = ["title"],
        [EventTypes.SessionError] = ["error_name", "message"],
        [EventTypes.SessionRetry] = ["message"],
        [EventTypes.PermissionAsked] = ["tool", "permission", "patterns", "reason"],
        [EventTypes.SessionNeedsInput] = ["reason"],
        [EventTypes.TaskProgress] = ["current_task"],
        [EventTypes.ProjectDone] = ["detail"],
    };

    /// <summary>The exact types that carry text; <see cref="Prefixes"/> adds the supervisor's policy decisions.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. s_fields.Keys];

    public static IReadOnlyList<string> Prefixes { get; } = [EventTypes.PolicyPrefix];

    /// <summary>The document to index for <paramref name="stored"/>, or null when it has no text worth finding.</summary>
    public static SearchDocument? Extract(StoredEvent stored, int maxChars)
    {
        string[]? fields = s_fields.TryGetValue(stored.Type, out var known) ? known
            : stored.Type.StartsWith(EventTypes.PolicyPrefix, StringComparison.Ordinal) ? [PolicyFields] : null;
        if (fields is null)
        {
            return null;
        }
        using var document = stored.DataUtf8.IsEmpty ? JsonDocument.Parse(stored.Data) : JsonDocument.Parse(stored.DataUtf8);
        var data = document.RootElement;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (data.TryGetProperty(field, out var value))
            {
                Append(text, value, maxChars, 0);
            }
        }
        if (text.Length == 0)
        {
            return null;
        }
        var project = data.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return new SearchDocument(stored.Id, stored.SessionId, stored.NodeId, project, stored.Type, stored.Ts, Clean(text, maxChars));
    }

    private static void Append(StringBuilder text, JsonElement value, int maxChars, int depth)
    {
        if (text.Length >= maxChars || depth > MaxDepth)
        {
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = value.GetString();
                if (!string.IsNullOrWhiteSpace(s))
                {
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }
                    text.Append(s, 0, Math.Min(s.Length, maxChars - text.Length + 1));
                }
                break;
            case JsonValueKind.Number:
                if (text.Length > 0)
                {
                    text.Append(' ');
                }
                text.Append(value.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Append(text, item, maxChars, depth + 1);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Append(text, property.Value, maxChars, depth + 1);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Cut to <paramref name="maxChars"/> (never inside a surrogate pair), with the hit markers turned into plain
    /// brackets so that in a snippet they only ever mark matches.
    /// </summary>
    private static string Clean(StringBuilder text, int maxChars)
    {
        var length = Math.Min(text.Length, maxChars);
        if (length < text.Length && length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }
        text.Length = length;
        text.Replace(SearchHit.MarkStart, "[").Replace(SearchHit.MarkEnd, "]");
        return text.ToString();
    }
}
