namespace HalOSwarm.Protocol.Events;

/// <summary>How to log a tool in by hand on the node, as the runbook shows it (reason_code <c>no_remote_oauth</c>).</summary>
public sealed record ManualGuidance(string Tool, string ReasonCode, string Reason, IReadOnlyList<string> Steps, string LoginCommand, string NodeId);
