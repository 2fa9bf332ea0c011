namespace HalOSwarm.Bench.Report;

/// <summary>The whole run, as written by <c>--json</c> for comparison between commits.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    string Commit,
    string Machine,
    string SupervisorDll,
    bool Quick,
    IReadOnlyList<ScenarioResult> Scenarios);
