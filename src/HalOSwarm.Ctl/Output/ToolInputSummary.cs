using System.Text.Json;

namespace HalOSwarm.Ctl.Output;

/// <summary>One short line saying what a tool call does: its command, file, pattern or URL.</summary>
internal static class ToolInputSummary
{
    private const int MaxLength = 100;

    // The keys the common coding-agent tools use for their main argument, most telling first.
    private static readonly string[] s_keys =
        ["command", "filePath", "file_path", "path", "pattern", "url", "query", "description", "prompt"];

    public static string Of(JsonElement? input)
    {
        if (input is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "";
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return Humanize.Clip(value.GetString(), MaxLength);
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in s_keys)
            {
                if (value.TryGetProperty(key, out var field) && field.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(field.GetString()))
                {
                    return Humanize.Clip(field.GetString(), MaxLength);
                }
            }
        }
        return Humanize.Clip(JsonOutput.Compact(value), MaxLength);
    }
}
