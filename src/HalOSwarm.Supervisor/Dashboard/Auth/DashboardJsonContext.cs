using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Dashboard.Auth;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiEnvelope<SignInLinkDto>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
