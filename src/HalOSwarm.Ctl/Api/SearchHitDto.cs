namespace HalOSwarm.Ctl.Api;

/// <summary>One search hit: the event, where it belongs, and a snippet whose matches are between ⟦ and ⟧.</summary>
internal sealed record SearchHitDto(long EventId, string? SessionId, string NodeId, string? Project, string Type, DateTimeOffset Ts, string Snippet);
