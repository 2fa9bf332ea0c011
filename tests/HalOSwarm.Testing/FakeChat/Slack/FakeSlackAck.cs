using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>An acknowledgement the fake's Socket Mode endpoint received: the envelope id, its payload (null without), and on which connection.</summary>
public sealed record FakeSlackAck(string EnvelopeId, JsonObject? Payload, int Connection);
