using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Command round trip under load: <c>POST /api/v1/sessions/{id}/prompt</c> to sessions of the simulated agents
/// (which answer at once) while they ingest (target p99 ≤ 50 ms + the agents' own turnaround p99, at 20,000
/// events/s), next to the same run's commit-latency floor at that rate: a prompt waits for two commits.
/// </summary>
internal sealed class CommandsScenario : IScenario
{
    public string Name => "commands";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var floorStep = new FloorStep(context, settings);
        await floorStep.BeforeAsync(cancellationToken);
        result.Parameters["command_rate"] = settings.CommandRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings, Commands: true), result, cancellationToken);
        await floorStep.AfterAsync(result, cancellationToken);
        var full = !context.Options.Quick;
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s", min: settings.Rate > 0 ? settings.Rate * 0.95 : null);
        result.Add("commands ok", o.CommandsOk, "n");
        result.Add("commands failed", o.CommandsFailed, "n", max: 0);
        var turnaroundP99 = o.CommandTurnaround.Count > 0 ? o.CommandTurnaround.PercentileMs(99) : 0;
        result.Add("agent turnaround p99", turnaroundP99, "ms");
        LatencyScenario.AddLatency(result, "command rtt", o.CommandRoundTrip!, full ? 50 + turnaroundP99 : null);
        // Where the round trip goes: to the agent (stored, then sent) and back (result read, outcome stored, answered).
        if (o.CommandToAgent is { Count: > 0 } toAgent && o.CommandFromAgent is { } fromAgent)
        {
            LatencyScenario.AddLatency(result, "command to agent", toAgent, null);
            LatencyScenario.AddLatency(result, "command from agent", fromAgent, null);
        }
        if (o.CommandsFailed > 0)
        {
            result.Failures.Add($"{o.CommandsFailed} commands failed");
        }
        LoadRunner.AddCommon(result, o);
        if (full)
        {
            result.Notes.Add("command rtt p99 target = 50 ms + agent turnaround p99 (command frame read → result sent)");
        }
        return result;
    }
}
