namespace HalOSwarm.Ctl.Api;

internal sealed record StartSessionRequest(string? NodeId, string? Prompt, string? Title);
