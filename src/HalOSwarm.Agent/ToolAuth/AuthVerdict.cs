namespace HalOSwarm.Agent.ToolAuth;

/// <summary>What a tool's own status command said: a status of <see cref="Protocol.Events.AuthStatuses"/>, how, and a line for a person.</summary>
internal sealed record AuthVerdict(string Status, string? Method, string Reason);
