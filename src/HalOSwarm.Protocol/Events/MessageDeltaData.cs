namespace HalOSwarm.Protocol.Events;

/// <summary>A piece of streamed text. Deltas carry no raw event: the text and ids are all of it.</summary>
public sealed record MessageDeltaData(string MessageId, string? PartId, string Text);
