using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>A stored event; <see cref="Data"/> has the fields of the type's record in Protocol/Events.</summary>
internal sealed record EventDto(
    long Id,
    string? NodeId,
    long? Seq,
    string Type,
    string? SessionId,
    DateTimeOffset Ts,
    JsonElement Data);
