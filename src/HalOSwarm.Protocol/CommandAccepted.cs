namespace HalOSwarm.Protocol;

/// <summary>
/// agent → supervisor: the agent has started running command <see cref="CommandId"/>. Sent once per
/// command id, before its <see cref="CommandResult"/>; a re-sent command the agent already runs or ran
/// is not accepted (or run) a second time.
/// </summary>
public sealed record CommandAccepted(string CommandId);
