using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>Serializes the routing scenario's config section.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class RoutingJsonContext : JsonSerializerContext;
