using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// Keeps list responses bounded: every string longer than <see cref="MaxChars"/> in a listed value is cut, with a note
/// of how much was left out. Reads of one item by id return it whole.
/// </summary>
internal static class ListFields
{
    public const int MaxChars = 2048;

    public static string? Shorten(string? value) =>
        BoundedText.Cut(value, MaxChars, value is null ? "" : $"… [{value.Length - MaxChars} more characters]");

    public static JsonElement? Shorten(JsonElement? value)
    {
        if (value is not { } element || !HasLongString(element))
        {
            return value;
        }
        var node = JsonNode.Parse(element.GetRawText());
        if (LongString(node) is { } whole)
        {
            node = JsonValue.Create(Shorten(whole));
        }
        ShortenInPlace(node);
        return JsonSerializer.SerializeToElement(node, AuditJsonContext.Default.JsonNode);
    }

    private static bool HasLongString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Length > MaxChars,
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasLongString(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasLongString),
        _ => false,
    };

    // The same walk as SecretRedactor's: string values are replaced where they stand, containers are entered.
    private static void ShortenInPlace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (LongString(child) is { } text)
                    {
                        obj[key] = Shorten(text);
                    }
                    else
                    {
                        ShortenInPlace(child);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (LongString(array[i]) is { } text)
                    {
                        array[i] = Shorten(text);
                    }
                    else
                    {
                        ShortenInPlace(array[i]);
                    }
                }
                break;
        }
    }

    private static string? LongString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > MaxChars } text ? text : null;
}
