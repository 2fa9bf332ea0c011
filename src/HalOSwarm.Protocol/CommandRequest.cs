using System.Text.Json;

namespace HalOSwarm.Protocol;

/// <summary>
/// A command for the agent. <see cref="Type"/> is one of <see cref="CommandTypes"/>; the target is a
/// session (<see cref="SessionId"/>) or a project (<see cref="Project"/>). The agent answers every
/// command, unknown ones included, with a <see cref="CommandResult"/> of the same id.
/// </summary>
public sealed record CommandRequest(
    string CommandId,
    string Type,
    string? SessionId,
    string? Project,
    JsonElement Args,
    DateTimeOffset? Deadline);
