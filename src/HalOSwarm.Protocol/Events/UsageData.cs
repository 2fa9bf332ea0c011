using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>
/// Usage of one finished assistant message (not a running total): the supervisor adds these up per
/// session. <see cref="ContextTokens"/> is the size of the context the message was produced from.
/// </summary>
public sealed record UsageData(
    string MessageId,
    string? Provider,
    string? Model,
    TokenCounts Tokens,
    decimal CostUsd,
    long ContextTokens,
    JsonElement? Raw = null);
