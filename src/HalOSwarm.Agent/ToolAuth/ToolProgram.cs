namespace HalOSwarm.Agent.ToolAuth;

/// <summary>How to run one agent program the way its sessions run: its binary, its config key, and the environment they get.</summary>
internal sealed record ToolProgram(string Tool, string Binary, string BinaryKey, IReadOnlyDictionary<string, string> Environment);
