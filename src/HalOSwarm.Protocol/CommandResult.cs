using System.Text.Json;

namespace HalOSwarm.Protocol;

/// <summary>
/// The outcome of a command. On failure <see cref="Error"/> says why in words and
/// <see cref="ErrorCode"/> is one of <see cref="CommandErrorCodes"/>. <see cref="CorrelationId"/> echoes the command's
/// (absent from older agents).
/// </summary>
public sealed record CommandResult(
    string CommandId,
    bool Ok,
    JsonElement? Result,
    string? Error,
    string? ErrorCode,
    string? CorrelationId = null);
