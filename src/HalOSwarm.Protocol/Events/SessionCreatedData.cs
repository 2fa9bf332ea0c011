using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

public sealed record SessionCreatedData(
    string Project,
    string Runtime,
    string? Directory,
    string? Title,
    string? Model,
    string? ParentSessionId = null,
    JsonElement? Raw = null);
