using System.Text;

namespace HalOSwarm.Ctl.Output;

/// <summary>
/// The text/event-stream line grammar (WHATWG): fields accumulate until a blank line dispatches
/// them; lines starting with <c>:</c> are comments (keep-alives); <c>data</c> lines join with \n.
/// </summary>
internal sealed class SseParser
{
    private readonly StringBuilder _data = new();
    private string? _event;
    private string? _id;
    private bool _hasData;

    /// <summary>The id of the last dispatched event that had one, for Last-Event-ID.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>Feeds one line without its terminator; returns an event when the line completes one.</summary>
    public SseEvent? Feed(string line)
    {
        if (line.Length == 0)
        {
            return Dispatch();
        }
        if (line[0] == ':')
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "data":
                if (_hasData)
                {
                    _data.Append('\n');
                }
                _data.Append(value);
                _hasData = true;
                break;
            case "event":
                _event = value;
                break;
            case "id" when !value.Contains('\0', StringComparison.Ordinal):
                _id = value;
                break;
            default:
                // retry and unknown fields do not matter to a CLI reader.
                break;
        }
        return null;
    }

    private SseEvent? Dispatch()
    {
        if (_id is not null)
        {
            LastEventId = _id;
        }
        if (!_hasData)
        {
            _event = null;
            return null;
        }
        var result = new SseEvent(_id ?? LastEventId, string.IsNullOrEmpty(_event) ? "message" : _event, _data.ToString());
        _data.Clear();
        _hasData = false;
        _event = null;
        _id = null;
        return result;
    }
}
