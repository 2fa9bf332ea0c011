using System.Globalization;
using System.Text.Json;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// What rules and templates read of one event (or of one idle session, for the sweep): its own fields, the session's
/// project (looked up only when asked for), and its data, parsed on first use only — most events match no rule and are
/// never parsed.
/// </summary>
internal sealed class RouteFacts : IDisposable
{
    private readonly StoredEvent? _event;
    private JsonDocument? _data;
    private bool _parsed;

    public RouteFacts(StoredEvent stored)
    {
        _event = stored;
        Type = stored.Type;
        SessionId = stored.SessionId;
        NodeId = stored.NodeId;
        EventId = stored.Id;
        At = stored.Ts;
    }

    public RouteFacts(string type, string? sessionId, string nodeId, string? project, DateTimeOffset at)
    {
        Type = type;
        SessionId = sessionId;
        NodeId = nodeId;
        Project = project;
        ProjectKnown = true;
        At = at;
    }

    public string Type { get; }

    public string? SessionId { get; }

    public string NodeId { get; }

    public long? EventId { get; }

    public DateTimeOffset At { get; }

    public string? Project { get; private set; }

    public bool ProjectKnown { get; private set; }

    /// <summary>Throttles, counts and idle periods are kept per key: the session, else the node.</summary>
    public string Key => SessionId ?? "node:" + NodeId;

    public void SetProject(string? project)
    {
        Project = project;
        ProjectKnown = true;
    }

    /// <summary>The event's data (an empty object for the sweep or data that is not JSON).</summary>
    public JsonElement Data
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                try
                {
                    _data = _event is null ? null
                        : _event.DataUtf8.IsEmpty ? JsonDocument.Parse(_event.Data) : JsonDocument.Parse(_event.DataUtf8);
                }
                catch (JsonException)
                {
                    _data = null;
                }
            }
            return _data?.RootElement ?? default;
        }
    }

    /// <summary>A field as text: <c>type</c>, <c>session</c>, <c>node</c>, <c>project</c>, or the data value at <paramref name="dataPath"/>.</summary>
    public string? Get(string field, IReadOnlyList<string> dataPath) => field switch
    {
        "type" => Type,
        "session" => SessionId,
        "node" => NodeId,
        "project" => Project ?? DataText("project"),
        _ => dataPath.Count > 0 ? Text(Find(dataPath)) : null,
    };

    public string? DataText(string name) => Text(Find([name]));

    public JsonElement Find(IReadOnlyList<string> path)
    {
        var current = Data;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return default;
            }
        }
        return current;
    }

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => null,
    };

    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => _data?.Dispose();
}
