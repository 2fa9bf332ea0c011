using HalOSwarm.Bench.Cli;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>What a load scenario switches on around the fleet; <see cref="Supervisors"/> share one PostgreSQL database (1 on SQLite).</summary>
internal sealed record LoadPlan(
    string Name,
    ScenarioSettings Settings,
    bool Subscribe = false,
    bool Commands = false,
    bool CheckOnline = false,
    double SampleIntervalSec = 1,
    int Supervisors = 1);
