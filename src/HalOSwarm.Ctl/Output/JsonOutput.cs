using System.Text.Encodings.Web;
using System.Text.Json;

namespace HalOSwarm.Ctl.Output;

/// <summary>JSON for scripts: the API's <c>data</c> pretty-printed, or one compact document per line.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions s_pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WritePretty(TextWriter output, JsonElement value) =>
        output.WriteLine(Serialize(value, s_pretty));

    /// <summary>Writes one JSON line (events as JSON lines, for <c>jq</c> and log shippers).</summary>
    public static void WriteLine(TextWriter output, JsonElement value) =>
        output.WriteLine(Serialize(value, s_compact));

    /// <summary>Pretty-prints the items of several pages as one array.</summary>
    public static void WriteArray(TextWriter output, IEnumerable<JsonElement> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_pretty))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static string Compact(JsonElement value) => Serialize(value, s_compact);

    private static string Serialize(JsonElement value, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            value.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
