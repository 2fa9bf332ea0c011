using System.Text.Json;

namespace HalOSwarm.Protocol;

/// <summary>
/// One normalized event as the agent recorded it. <see cref="Seq"/> is per node, starts at 1, has no
/// holes and never repeats. <see cref="Data"/> holds the type's fields (see <see cref="EventTypes"/>)
/// and, for most types, the runtime's native event in <c>raw</c>.
/// </summary>
public sealed record AgentEvent(long Seq, string Type, string? SessionId, DateTimeOffset Ts, JsonElement Data);
