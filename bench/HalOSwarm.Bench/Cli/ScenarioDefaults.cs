namespace HalOSwarm.Bench.Cli;

/// <summary>
/// Each scenario's scale for the full run (the targets of issue 3) and for <c>--quick</c> (all scenarios
/// in under a minute).
/// </summary>
internal static class ScenarioDefaults
{
    public static readonly string[] All = ["ceiling", "throughput", "latency", "commands", "connections", "backlog", "soak", "ledger", "routing", "dashboard"];

    public static ScenarioSettings Resolve(string scenario, BenchOptions options)
    {
        var q = options.Quick;
        var (agents, sessions, rate, seconds) = scenario switch
        {
            "throughput" => (q ? 20 : 200, q ? 5 : 10, 0d, q ? 5d : 60d),
            "latency" => (q ? 20 : 200, q ? 5 : 10, q ? 1000d : 5000d, q ? 5d : 60d),
            "commands" => (q ? 20 : 200, q ? 5 : 10, q ? 2000d : 20000d, q ? 5d : 60d),
            "connections" => (q ? 200 : 2000, 10, q ? 200d : 2000d, q ? 5d : 60d),
            "soak" => (q ? 20 : 200, q ? 5 : 10, q ? 2000d : 20000d, q ? 8d : 600d),
            "backlog" => (1, 10, 0d, 0d),
            // per fleet (the scenario runs two at once): 20,000 usage events/s beside 20,000 plain ones
            "ledger" => (q ? 4 : 10, q ? 2 : 10, q ? 1000d : 20000d, q ? 4d : 20d),
            // one fleet of 10,000 events/s through 50 rules, against the same fleet with no rules
            "routing" => (q ? 4 : 10, q ? 2 : 10, q ? 1000d : 10000d, q ? 4d : 20d),
            // 2,000 nodes × 10 sessions = 20,000 sessions at 2,000 events/s (as connections); ingest measured with 0, then 20, then 0 dashboards
            "dashboard" => (q ? 20 : 2000, 10, q ? 200d : 2000d, q ? 5d : 20d),
            _ => (1, 1, 0d, 0d),
        };
        var duration = TimeSpan.FromSeconds(options.DurationSec ?? seconds);
        return new ScenarioSettings(
            options.Agents ?? agents,
            options.Sessions ?? sessions,
            options.Rate ?? rate,
            duration,
            TimeSpan.FromSeconds(Math.Min(q ? 1 : 5, duration.TotalSeconds / 5)),
            options.Batch ?? (scenario == "backlog" ? 500 : 100),
            options.Window ?? (scenario == "backlog" ? 20_000 : 1000),
            options.BacklogEvents ?? (scenario == "ceiling" ? (q ? 100_000 : 500_000) : q ? 50_000 : 1_000_000),
            options.CommandRate ?? (q ? 20 : 50),
            options.HeartbeatSec ?? (q ? 2 : 5));
    }
}
