using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Writes <see cref="StoredEvent.Data"/> as the JSON it already is, without parsing it again.</summary>
internal sealed class StoredEventJsonConverter : JsonConverter<StoredEvent>
{
    public override StoredEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("events are only written");

    public override void Write(Utf8JsonWriter writer, StoredEvent value, JsonSerializerOptions options) => WriteEvent(writer, value);

    public static void WriteEvent(Utf8JsonWriter writer, StoredEvent value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, value.Id);
        writer.WriteString("node_id"u8, value.NodeId);
        if (value.Seq is { } seq)
        {
            writer.WriteNumber("seq"u8, seq);
        }
        else
        {
            writer.WriteNull("seq"u8);
        }
        writer.WriteString("type"u8, value.Type);
        if (value.SessionId is null)
        {
            writer.WriteNull("session_id"u8);
        }
        else
        {
            writer.WriteString("session_id"u8, value.SessionId);
        }
        writer.WriteString("ts"u8, value.Ts);
        writer.WritePropertyName("data"u8);
        var data = value.DataUtf8.IsEmpty ? Encoding.UTF8.GetBytes(value.Data) : value.DataUtf8.Span;
        // Stored data is compact JSON; should a row hold a line break (whitespace between tokens, the only place valid
        // JSON can), it is compacted here, so one event is always one SSE data line.
        writer.WriteRawValue(data.IndexOfAny((byte)'\r', (byte)'\n') >= 0 ? CompactJson.Rewrite(data) : data, skipInputValidation: true);
        writer.WriteEndObject();
    }
}
