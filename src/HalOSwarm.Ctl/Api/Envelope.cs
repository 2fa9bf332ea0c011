using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Ctl.Api;

/// <summary>Reads the success envelope <c>{"data": …, "meta": {"next_cursor"?}}</c>.</summary>
internal static class Envelope
{
    public static ApiPage<T> Parse<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data))
            {
                throw BadResponse("the response has no data");
            }
            var value = data.Deserialize(typeInfo) ?? throw BadResponse("the response data is null");
            string? cursor = null;
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String)
            {
                cursor = next.GetString();
            }
            return new ApiPage<T>(value, data.Clone(), string.IsNullOrEmpty(cursor) ? null : cursor);
        }
        catch (JsonException ex)
        {
            throw BadResponse(ex.Message);
        }
    }

    private static SupervisorException BadResponse(string why) =>
        new($"unexpected response from supervisor: {why.ReplaceLineEndings(" ")}", "bad_response");
}
