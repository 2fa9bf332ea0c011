using System.Text.Json.Serialization;

namespace HalOSwarm.Agent;

/// <summary>Source-generated serializers for the agent's own small JSON shapes.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
