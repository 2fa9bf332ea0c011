using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>The agent program waits for a yes or no before it runs <see cref="Tool"/>.</summary>
public sealed record PermissionAskedData(
    string PermissionId,
    string Permission,
    string? Tool,
    IReadOnlyList<string> Patterns,
    string? Reason,
    JsonElement? Raw = null);
