using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>The tool auth API's serializers, with the API's settings (snake_case, every field written, duplicates refused).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<NodeAuthDto>>))]
[JsonSerializable(typeof(ApiEnvelope<NodeAuthDto>))]
[JsonSerializable(typeof(ApiEnvelope<AuthLoginDto>))]
[JsonSerializable(typeof(AuthLoginRequest))]
internal sealed partial class ToolAuthJsonContext : JsonSerializerContext;
