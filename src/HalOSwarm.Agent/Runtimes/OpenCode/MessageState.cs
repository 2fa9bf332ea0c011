using System.Text;
using System.Text.Json;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>What the mapper has seen of one message so far: its info and its parts in order.</summary>
internal sealed class MessageState(string sessionId)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, JsonElement> _parts = [];
    private readonly Dictionary<string, StringBuilder> _deltas = [];

    public string SessionId { get; } = sessionId;

    public JsonElement? Info { get; set; }

    public string? Role => Info?.Str("role");

    public IReadOnlyList<JsonElement> Parts => [.. _order.Select(id => _parts[id])];

    public string? PartType(string partId) => _parts.TryGetValue(partId, out var part) ? part.Str("type") : null;

    public void SetPart(string partId, JsonElement part)
    {
        if (!_parts.ContainsKey(partId))
        {
            _order.Add(partId);
        }
        _parts[partId] = part;
    }

    public void AppendDelta(string partId, string delta)
    {
        if (!_deltas.TryGetValue(partId, out var text))
        {
            _deltas[partId] = text = new StringBuilder();
        }
        text.Append(delta);
    }

    /// <summary>The text parts joined; a part whose final text never arrived falls back to its streamed deltas.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        foreach (var id in _order)
        {
            var part = _parts[id];
            if (part.Str("type") != "text" || part.Get("synthetic").IsTrue())
            {
                continue;
            }
            var final = part.Str("text");
            text.Append(string.IsNullOrEmpty(final) && _deltas.TryGetValue(id, out var streamed) ? streamed.ToString() : final);
        }
        return text.ToString();
    }
}
