using System.Text.Json;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>One <c>POST /v1/responses</c> as received: the model, the text of the last user message and the whole body.</summary>
public sealed record ResponsesRequest(string Model, string LastUserText, bool HasTools, JsonElement Body);
