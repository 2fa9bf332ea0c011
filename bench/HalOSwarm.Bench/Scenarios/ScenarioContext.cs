using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// What every scenario shares: options, the run id its node ids carry, where to log progress, the supervisor to use,
/// and the storage provider of the current pass (<see cref="Database"/>; <see cref="Postgres"/> when it is PostgreSQL).
/// </summary>
internal sealed class ScenarioContext
{
    public ScenarioContext(BenchOptions options, string runId, TextWriter progress, string? supervisorDll, PostgresServer? postgres = null)
    {
        Options = options;
        RunId = runId;
        Progress = progress;
        SupervisorDll = supervisorDll;
        PostgresServer = postgres;
    }

    public BenchOptions Options { get; }

    public string RunId { get; }

    public TextWriter Progress { get; }

    public string? SupervisorDll { get; }

    /// <summary>The server of <c>--postgres</c>, when given.</summary>
    public PostgresServer? PostgresServer { get; }

    /// <summary><see cref="BenchDatabases.Sqlite"/> or <see cref="BenchDatabases.Postgres"/>: what the started supervisors run on in this pass.</summary>
    public string Database { get; set; } = BenchDatabases.Sqlite;

    /// <summary>The PostgreSQL server when this pass runs on it; null on SQLite.</summary>
    public PostgresServer? Postgres => Database == BenchDatabases.Postgres ? PostgresServer : null;

    /// <summary>Rows/s of the raw insert ceiling of this pass's database, once the ceiling scenario ran in it.</summary>
    public double? CeilingRowsPerSecond { get; set; }

    public string NodePrefix(string scenario) => $"bench-{RunId}-{scenario}-";

    /// <summary>A fresh supervisor for the scenario (own db and ports), or the one given on the command line.</summary>
    public Task<SupervisorTarget> AcquireTargetAsync(int heartbeatSec, CancellationToken cancellationToken) =>
        AcquireTargetAsync(heartbeatSec, null, cancellationToken);

    /// <summary>A fresh supervisor with <paramref name="channels"/> as its <c>channels</c> section (ignored for a supervisor given on the command line).</summary>
    public Task<SupervisorTarget> AcquireTargetAsync(int heartbeatSec, System.Text.Json.JsonElement? channels, CancellationToken cancellationToken) =>
        AcquireTargetAsync(heartbeatSec, channels, 1, cancellationToken);

    /// <summary>
    /// Fresh supervisors for the scenario: one on a SQLite file of its own, or <paramref name="supervisors"/> sharing a
    /// new PostgreSQL database (dropped when they stop, unless <c>--keep</c>); or the one given on the command line.
    /// </summary>
    public async Task<SupervisorTarget> AcquireTargetAsync(int heartbeatSec, System.Text.Json.JsonElement? channels, int supervisors, CancellationToken cancellationToken)
    {
        if (Options.External)
        {
            return SupervisorTarget.External(Options.AgentUrl!, Options.ApiUrl!, Options.Token!, Options.DatabasePath, Options.SupervisorPid);
        }
        var settings = new LaunchSettings(SupervisorDll!, heartbeatSec, 3, Options.LogLevel, Options.Keep, Options.Synchronous, channels);
        if (Postgres is not { } server)
        {
            return await SupervisorTarget.StartAsync(settings, cancellationToken);
        }
        var database = await server.CreateDatabaseAsync(RunId, "sup", cancellationToken);
        return await SupervisorTarget.StartGroupAsync(settings with { PostgresDatabase = database }, supervisors,
            () => Options.Keep ? Task.CompletedTask : server.DropDatabaseAsync(database), cancellationToken);
    }
}
