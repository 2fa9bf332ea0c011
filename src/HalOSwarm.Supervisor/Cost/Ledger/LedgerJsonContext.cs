using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>Source-generated serializers of the ledger's API answers, with the API's conventions (<see cref="ApiJsonContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiEnvelope<SessionCostDto>))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
