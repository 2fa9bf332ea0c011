namespace HalOSwarm.Supervisor.Commands;

internal sealed record StartArgs(string? Prompt, string? Title, string? Model);
