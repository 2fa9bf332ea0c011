using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Events;

internal sealed record HeartbeatWrite(string NodeId, ResourceUsage? Resources, DateTimeOffset At) : WriteOp;
