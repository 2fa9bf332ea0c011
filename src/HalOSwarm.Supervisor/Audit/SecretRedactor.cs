using System.Text.Json;
using System.Text.Json.Nodes;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// Blanks the values of secret-looking keys (token, password, secret, api_key, authorization…) anywhere in a JSON
/// value, so arguments can be audited without leaking credentials.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    private static readonly string[] s_markers = ["token", "password", "passwd", "secret", "apikey", "authorization", "credential", "privatekey"];

    public static bool IsSecretKey(string key)
    {
        var normalized = key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return s_markers.Any(m => normalized.Contains(m, StringComparison.Ordinal));
    }

    public static JsonElement? Redact(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return value;
        }
        var node = JsonNode.Parse(element.GetRawText());
        RedactNode(node);
        return JsonSerializer.SerializeToElement(node, AuditJsonContext.Default.JsonNode);
    }

    private static void RedactNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (IsSecretKey(key) && child is not null)
                    {
                        obj[key] = Mask;
                    }
                    else
                    {
                        RedactNode(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RedactNode(child);
                }
                break;
        }
    }
}
