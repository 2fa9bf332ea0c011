using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Audit;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// Keeps list responses bounded: every string longer than <see cref="MaxChars"/> in a listed value is cut, with a note
/// of how much was left out. Reads of one item by id return it whole.
/// </summary>
internal static class ListFields
{
    public const int MaxChars = 2048;

    public static string? Shorten(string? value) =>
        value is null || value.Length <= MaxChars ? value : $"{value[..MaxChars]}… [{value.Length - MaxChars} more characters]";

    public static JsonElement? Shorten(JsonElement? value)
    {
        if (value is not { } element || !HasLongString(element))
        {
            return value;
        }
        var node = JsonNode.Parse(element.GetRawText());
        node = ShortenNode(node);
        return JsonSerializer.SerializeToElement(node, AuditJsonContext.Default.JsonNode);
    }

    private static bool HasLongString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Length > MaxChars,
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasLongString(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasLongString),
        _ => false,
    };

    private static JsonNode? ShortenNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    obj[key] = ShortenNode(child);
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = ShortenNode(array[i]?.DeepClone());
                }
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Shorten(value.GetValue<string>()));
            default:
                return node?.DeepClone();
        }
    }
}
