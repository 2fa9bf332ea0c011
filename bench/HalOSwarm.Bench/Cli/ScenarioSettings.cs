namespace HalOSwarm.Bench.Cli;

/// <summary>The resolved parameters of one scenario: its defaults at full or quick scale, overridden by the command line.</summary>
internal sealed record ScenarioSettings(
    int Agents,
    int Sessions,
    double Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Batch,
    int Window,
    long BacklogEvents,
    double CommandRate,
    int HeartbeatSec);
