namespace HalOSwarm.Bench.Cli;

/// <summary>The parsed command line. Null numbers mean "the scenario's default" (see <see cref="ScenarioDefaults"/>).</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public bool Quick { get; init; }
    public int? Agents { get; init; }
    public int? Sessions { get; init; }
    public double? Rate { get; init; }
    public double? DurationSec { get; init; }
    public int? Batch { get; init; }
    public int? Window { get; init; }
    public long? BacklogEvents { get; init; }
    public double? CommandRate { get; init; }
    public int SampleEvery { get; init; } = 1;
    public string? JsonPath { get; init; }
    public bool Verify { get; init; } = true;
    public Uri? AgentUrl { get; init; }
    public Uri? ApiUrl { get; init; }
    public string? Token { get; init; }
    public string? DatabasePath { get; init; }
    public int? SupervisorPid { get; init; }
    public string? SupervisorDll { get; init; }
    public int? HeartbeatSec { get; init; }
    public string LogLevel { get; init; } = "warning";
    public bool Keep { get; init; }

    /// <summary><c>database.synchronous</c> for the started supervisor (left out of its config when null) and the floor.</summary>
    public string? Synchronous { get; init; }

    /// <summary>The providers to run the scenarios on, in order: <c>sqlite</c>, <c>postgres</c> or both.</summary>
    public IReadOnlyList<string> Databases { get; init; } = [Target.BenchDatabases.Sqlite];

    /// <summary>An Npgsql connection string to a server where the bench may create and drop databases (<c>--postgres</c>).</summary>
    public string? Postgres { get; init; }

    public bool External => AgentUrl is not null;
}
