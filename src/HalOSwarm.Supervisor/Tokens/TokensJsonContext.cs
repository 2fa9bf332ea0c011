using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>The tokens API's serializers, with the API's settings (snake_case, every field written, duplicates refused).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<ApiToken>>))]
[JsonSerializable(typeof(ApiEnvelope<ApiToken>))]
[JsonSerializable(typeof(ApiEnvelope<IssuedToken>))]
[JsonSerializable(typeof(TokenCreateRequest))]
internal sealed partial class TokensJsonContext : JsonSerializerContext;
