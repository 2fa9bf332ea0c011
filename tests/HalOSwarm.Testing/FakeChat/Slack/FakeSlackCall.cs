using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>
/// One Web API call the fake received: the method (<c>chat.postMessage</c>), the bearer token, the content type, the JSON
/// body, the HTTP status answered and, for a posted message, the <c>ts</c> given.
/// </summary>
public sealed record FakeSlackCall(string Method, string? Token, string? ContentType, JsonObject Body, int Status, string? Error, string? Ts);
