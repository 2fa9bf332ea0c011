using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// A request for a command. The target is a session (<see cref="SessionId"/>) or a project
/// (<see cref="Project"/>, optionally pinned to <see cref="NodeId"/>). <see cref="Actor"/> names who asked:
/// <c>api:TOKEN_NAME</c>, <c>cli:USER</c>, <c>policy:NAME</c>, <c>chat:USER</c>. <see cref="ParentCommandId"/> ties the
/// steps of a <c>restart</c> to it. <see cref="CorrelationId"/> is the request's <c>X-Correlation-Id</c> (one is made up
/// when it is null).
/// </summary>
internal sealed record CommandSubmission(
    string Type,
    string? SessionId,
    string? Project,
    string? NodeId,
    JsonElement Args,
    string Actor,
    string? IdempotencyKey = null,
    TimeSpan Wait = default,
    string? SourceAddress = null,
    string? ParentCommandId = null,
    string? CorrelationId = null);
