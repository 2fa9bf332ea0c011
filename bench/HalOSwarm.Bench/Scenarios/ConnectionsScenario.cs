using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Many connected agents at a low event rate, heartbeating at the welcome's interval: every node must stay
/// online (target 2,000 agents with 20,000 sessions, supervisor RSS ≤ 500 MB). On PostgreSQL the agents are split
/// evenly over two supervisors sharing the database.
/// </summary>
internal sealed class ConnectionsScenario : IScenario
{
    public string Name => "connections";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings, CheckOnline: true, Supervisors: context.Postgres is null ? 1 : 2), result, cancellationToken);
        result.Add("nodes online at end", o.NodesOnline, "nodes", min: settings.Agents);
        result.Add("sessions", (double)settings.Agents * settings.Sessions, "n");
        result.Add("heartbeats sent", o.HeartbeatsSent, "n");
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s");
        result.Add("supervisor peak rss", o.SupervisorPeakRssMb, "MB", max: 500);
        LoadRunner.AddCommon(result, o);
        return result;
    }
}
