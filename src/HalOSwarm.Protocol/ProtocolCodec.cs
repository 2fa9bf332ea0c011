using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Protocol;

/// <summary>Writes and reads envelopes without serializing the payload twice.</summary>
public static class ProtocolCodec
{
    private static readonly JsonWriterOptions s_writerOptions = new() { SkipValidation = true };

    /// <summary>Encodes one envelope of <paramref name="type"/> carrying <paramref name="payload"/> as UTF-8 JSON.</summary>
    public static byte[] Encode<T>(string type, T payload, JsonTypeInfo<T> typeInfo, DateTimeOffset ts, string? id = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(buffer, type, payload, typeInfo, ts, id);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes one envelope into <paramref name="output"/>.</summary>
    public static void Encode<T>(IBufferWriter<byte> output, string type, T payload, JsonTypeInfo<T> typeInfo, DateTimeOffset ts, string? id = null)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteNumber("v"u8, ProtocolInfo.Current);
        writer.WriteString("type"u8, type);
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }
        writer.WriteString("ts"u8, ts);
        writer.WritePropertyName("payload"u8);
        JsonSerializer.Serialize(writer, payload, typeInfo);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads an envelope. Returns false with a reason a human can act on when the frame is not JSON, or
    /// lacks <c>type</c> or an object <c>payload</c>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> frame, out Envelope envelope, out string error)
    {
        envelope = null!;
        Envelope? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(frame, ProtocolJsonContext.Default.Envelope);
        }
        catch (JsonException ex)
        {
            error = $"frame is not valid JSON: {ex.Message}";
            return false;
        }
        if (parsed is null)
        {
            error = "frame is JSON null, expected an envelope object";
            return false;
        }
        if (string.IsNullOrEmpty(parsed.Type))
        {
            error = "envelope has no 'type'";
            return false;
        }
        if (parsed.Payload.ValueKind != JsonValueKind.Object)
        {
            error = $"envelope '{parsed.Type}' has no 'payload' object";
            return false;
        }
        envelope = parsed;
        error = "";
        return true;
    }

    /// <summary>Reads the payload as <typeparamref name="T"/>; false with a reason when it does not fit.</summary>
    public static bool TryPayload<T>(Envelope envelope, JsonTypeInfo<T> typeInfo, out T payload, out string error)
        where T : class
    {
        payload = null!;
        try
        {
            var value = envelope.Payload.Deserialize(typeInfo);
            if (value is null)
            {
                error = $"'{envelope.Type}' payload is null";
                return false;
            }
            payload = value;
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = $"'{envelope.Type}' payload does not fit: {ex.Message}";
            return false;
        }
    }

    /// <summary>Serializes event data into the <see cref="JsonElement"/> carried by <see cref="AgentEvent.Data"/>.</summary>
    public static JsonElement ToElement<T>(T data, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToElement(data, typeInfo);
}
