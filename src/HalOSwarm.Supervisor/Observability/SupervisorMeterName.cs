namespace HalOSwarm.Supervisor.Observability;

/// <summary>
/// The name of this host's meter. A process runs one supervisor, whose meter is <c>HalOSwarm.Supervisor</c>; a second
/// host in the same process (tests) gets a name of its own, because the exporter listens to meters by name across the
/// whole process and would otherwise add one host's counts to another's.
/// </summary>
internal sealed record SupervisorMeterName(string Value)
{
    public const string Default = "HalOSwarm.Supervisor";
    private static int s_hosts;

    public static SupervisorMeterName Next()
    {
        var host = Interlocked.Increment(ref s_hosts);
        return new SupervisorMeterName(host == 1 ? Default : $"{Default}.{host}");
    }
}
