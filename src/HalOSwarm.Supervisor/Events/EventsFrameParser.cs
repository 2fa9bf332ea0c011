using System.Text.Json;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Reads a well-formed <c>events</c> frame in one pass straight into <see cref="IncomingEvent"/>s: no envelope object,
/// no second deserialization of the payload, the data of all events copied into one array. Anything it does not
/// expect (another frame type, a field of the wrong kind, an invalid event) returns false and the frame takes the
/// general path, which refuses it with the documented reason. One instance per connection (not thread-safe): it
/// reuses the strings of types and session ids it has seen.
/// </summary>
internal sealed class EventsFrameParser
{
    private readonly Utf8StringCache _strings = new();
    private readonly List<(int Start, int Length)> _ranges = [];

    public bool TryParse(ReadOnlySpan<byte> frame, out List<IncomingEvent> events)
    {
        events = null!;
        try
        {
            return TryParseCore(frame, ref events);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a token of an unexpected kind
        }
    }

    private bool TryParseCore(ReadOnlySpan<byte> frame, ref List<IncomingEvent> events)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var isEvents = false;
        List<IncomingEvent>? parsed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("events"u8))
                {
                    return false;
                }
                isEvents = true;
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                if (!isEvents || parsed is not null || !ReadPayload(ref reader, frame, out parsed))
                {
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || parsed is null)
        {
            return false;
        }
        events = parsed;
        return true;
    }

    private bool ReadPayload(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out List<IncomingEvent>? events)
    {
        events = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("events"u8))
            {
                if (events is not null || !ReadEvents(ref reader, frame, out events))
                {
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return events is not null;
    }

    private bool ReadEvents(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out List<IncomingEvent>? events)
    {
        events = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        // Room for one to start with: a frame often holds a single event (a list grows past four as it would have anyway).
        var list = new List<IncomingEvent>(1);
        _ranges.Clear();
        var total = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!ReadEvent(ref reader, frame, out var e, out var range))
            {
                return false;
            }
            list.Add(e);
            _ranges.Add(range);
            total += range.Length;
        }
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }
        // One array holds every event's data; a pretty-printed value is made compact (one SSE data line per event).
        var data = new byte[total];
        var offset = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var (start, length) = _ranges[i];
            if (length == 0)
            {
                continue; // no data: stored as {}
            }
            var source = frame.Slice(start, length);
            if (source.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                list[i] = list[i] with { Data = CompactJson.Rewrite(source) };
                continue;
            }
            source.CopyTo(data.AsSpan(offset));
            list[i] = list[i] with { Data = data.AsMemory(offset, length) };
            offset += length;
        }
        events = list;
        return true;
    }

    private bool ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out IncomingEvent e, out (int Start, int Length) range)
    {
        e = default;
        range = (0, 0);
        long seq = 0;
        string? type = null;
        string? sessionId = null;
        DateTimeOffset ts = default;
        var hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("seq"u8))
            {
                if (!reader.Read() || !reader.TryGetInt64(out seq))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? _strings.Get(ref reader) : null;
            }
            else if (reader.ValueTextEquals("session_id"u8))
            {
                reader.Read();
                sessionId = reader.TokenType switch
                {
                    JsonTokenType.String => _strings.Get(ref reader),
                    JsonTokenType.Null => null,
                    _ => throw new InvalidOperationException("session_id is not a string"),
                };
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                if (!reader.Read() || !reader.TryGetDateTimeOffset(out ts))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                range = (start, (int)reader.BytesConsumed - start);
                hasData = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || seq < 1 || string.IsNullOrEmpty(type))
        {
            return false;
        }
        if (!hasData)
        {
            range = (0, 0);
        }
        e = new IncomingEvent(seq, type, sessionId, ts, hasData ? default : CompactJson.EmptyObject);
        return true;
    }
}
