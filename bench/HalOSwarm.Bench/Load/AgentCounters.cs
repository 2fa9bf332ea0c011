namespace HalOSwarm.Bench.Load;

/// <summary>What one simulated agent saw, read by the fleet while it runs.</summary>
internal sealed class AgentCounters
{
    public long FramesSent;
    public long EventsSent;
    public long Replays;
    public long CommandsAnswered;
    public long HeartbeatsSent;
    public long HeartbeatsReceived;
    public long OutboxFullTicks;
    public long LastAckTimestamp;
}
