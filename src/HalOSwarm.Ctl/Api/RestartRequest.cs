namespace HalOSwarm.Ctl.Api;

/// <summary>The body of a migrating restart: the node the new session starts on, or <c>auto</c>.</summary>
internal sealed record RestartRequest(string ToNode);
