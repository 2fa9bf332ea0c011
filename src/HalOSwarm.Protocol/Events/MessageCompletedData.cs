using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>
/// A finished message with its whole text. Recorded once per message id, whether it was seen live or
/// fetched afterwards during reconciliation, so a transcript is the list of these in seq order.
/// </summary>
public sealed record MessageCompletedData(
    string MessageId,
    string Role,
    string Text,
    string? Model = null,
    string? Finish = null,
    JsonElement? Raw = null);
