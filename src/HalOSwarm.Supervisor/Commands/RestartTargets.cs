using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Where a restart's successor starts: its predecessor's node, a named one, or one placement picks.</summary>
internal static class RestartTargets
{
    /// <summary><c>to_node: "auto"</c>: another node hosting the project, chosen by <c>placement.strategy</c>.</summary>
    public const string Auto = "auto";

    /// <summary>The <c>to_node</c> of a restart's args, or null for a restart in place.</summary>
    public static string? ToNode(JsonElement args) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty("to_node", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
