using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>What every scenario shares: options, the run id its node ids carry, where to log progress, the supervisor to use.</summary>
internal sealed class ScenarioContext
{
    public ScenarioContext(BenchOptions options, string runId, TextWriter progress, string? supervisorDll)
    {
        Options = options;
        RunId = runId;
        Progress = progress;
        SupervisorDll = supervisorDll;
    }

    public BenchOptions Options { get; }

    public string RunId { get; }

    public TextWriter Progress { get; }

    public string? SupervisorDll { get; }

    /// <summary>Rows/s of the raw SQLite insert ceiling, once the ceiling scenario ran in this process.</summary>
    public double? CeilingRowsPerSecond { get; set; }

    public string NodePrefix(string scenario) => $"bench-{RunId}-{scenario}-";

    /// <summary>A fresh supervisor for the scenario (own db and ports), or the one given on the command line.</summary>
    public Task<SupervisorTarget> AcquireTargetAsync(int heartbeatSec, CancellationToken cancellationToken) =>
        AcquireTargetAsync(heartbeatSec, null, cancellationToken);

    /// <summary>A fresh supervisor with <paramref name="channels"/> as its <c>channels</c> section (ignored for a supervisor given on the command line).</summary>
    public async Task<SupervisorTarget> AcquireTargetAsync(int heartbeatSec, System.Text.Json.JsonElement? channels, CancellationToken cancellationToken)
    {
        if (Options.External)
        {
            return SupervisorTarget.External(Options.AgentUrl!, Options.ApiUrl!, Options.Token!, Options.DatabasePath, Options.SupervisorPid);
        }
        var settings = new LaunchSettings(SupervisorDll!, heartbeatSec, 3, Options.LogLevel, Options.Keep, Options.Synchronous, channels);
        return await SupervisorTarget.StartAsync(settings, cancellationToken);
    }
}
