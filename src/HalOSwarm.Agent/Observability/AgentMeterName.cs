namespace HalOSwarm.Agent.Observability;

/// <summary>
/// The name of this host's meter: <c>HalOSwarm.Agent</c> for the one agent of a process; another host in the same
/// process (tests) gets its own, because the exporter listens to meters by name across the process.
/// </summary>
internal sealed record AgentMeterName(string Value)
{
    public const string Default = "HalOSwarm.Agent";
    private static int s_hosts;

    public static AgentMeterName Next()
    {
        var host = Interlocked.Increment(ref s_hosts);
        return new AgentMeterName(host == 1 ? Default : $"{Default}.{host}");
    }
}
