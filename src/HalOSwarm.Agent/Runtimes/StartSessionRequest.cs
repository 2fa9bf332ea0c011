namespace HalOSwarm.Agent.Runtimes;

/// <summary>Arguments of a <c>start</c> command.</summary>
internal sealed record StartSessionRequest(string? Prompt, string? Title, string? Model);
