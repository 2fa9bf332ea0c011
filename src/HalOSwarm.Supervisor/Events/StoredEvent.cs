using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Events;

/// <summary>An event as stored: <see cref="Id"/> is the global cursor, <see cref="Data"/> the raw JSON text.</summary>
[JsonConverter(typeof(StoredEventJsonConverter))]
internal sealed record StoredEvent(long Id, string NodeId, long? Seq, string Type, string? SessionId, DateTimeOffset Ts, string Data);
