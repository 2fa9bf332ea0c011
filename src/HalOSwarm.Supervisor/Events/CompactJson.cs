using System.Buffers;
using System.Text.Json;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Event data as compact UTF-8 JSON.</summary>
internal static class CompactJson
{
    private static readonly byte[] s_emptyObject = "{}"u8.ToArray();

    /// <summary>What an event without data stores.</summary>
    public static ReadOnlyMemory<byte> EmptyObject => s_emptyObject;

    /// <summary>Re-writes a (valid) JSON value without insignificant whitespace.</summary>
    public static byte[] Rewrite(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The data of an event read by the general path (a <see cref="JsonElement"/>).</summary>
    public static ReadOnlyMemory<byte> From(JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Undefined)
        {
            return EmptyObject;
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            data.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
