using System.Text.Json.Serialization;

namespace HalOSwarm.Agent.Credentials;

/// <summary>The credentials state file (<c>state_dir/credentials/state.json</c>) and the env pairs' files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Dictionary<string, AppliedCredential>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(int))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext;
