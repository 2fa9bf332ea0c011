using System.Text.Json;

namespace HalOSwarm.Protocol;

/// <summary>
/// A command for the agent. <see cref="Type"/> is one of <see cref="CommandTypes"/>; the target is a
/// session (<see cref="SessionId"/>) or a project (<see cref="Project"/>). The agent answers every
/// command, unknown ones included, with a <see cref="CommandResult"/> of the same id. <see cref="CorrelationId"/> is the
/// id of the request that asked for the command (absent from older supervisors); the agent logs it while it runs the
/// command and returns it in the result.
/// </summary>
public sealed record CommandRequest(
    string CommandId,
    string Type,
    string? SessionId,
    string? Project,
    JsonElement Args,
    DateTimeOffset? Deadline,
    string? CorrelationId = null);
