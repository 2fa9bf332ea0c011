using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>One node's AGENT.md sync: the write's outcome, or the error that stopped it there.</summary>
internal sealed record EnvSyncResult(string NodeId, string Project, EnvApplyResult? Result, string? Error = null, string? ErrorCode = null);
