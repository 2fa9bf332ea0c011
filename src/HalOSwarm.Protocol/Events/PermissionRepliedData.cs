using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary><see cref="Reply"/> is <c>once</c>, <c>always</c> or <c>reject</c>.</summary>
public sealed record PermissionRepliedData(string PermissionId, string Reply, JsonElement? Raw = null);
