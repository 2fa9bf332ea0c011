using System.Text.Json;

namespace HalOSwarm.Bench.Target;

/// <summary>The config file the bench writes for its own supervisor.</summary>
internal sealed record SupervisorConfigFile(ServerSection Server, DatabaseSection Database, LoggingSection Logging, JsonElement? Channels = null);
