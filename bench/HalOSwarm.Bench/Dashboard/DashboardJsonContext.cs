using System.Text.Json.Serialization;

namespace HalOSwarm.Bench.Dashboard;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TokenRequest))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
