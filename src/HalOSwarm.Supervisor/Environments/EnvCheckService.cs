using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The <see cref="IEnvChecks"/> every feature gets: <see cref="EnvCheckRunner"/> checks, then the report is stored as
/// the latest of its project on its node, with <c>env.check.failed</c> / <c>env.drift.detected</c> when it changed, and every
/// <see cref="IEnvCheckObserver"/> (provisioning) is told of it, whoever asked for the check.
/// </summary>
internal sealed partial class EnvCheckService(EnvCheckRunner runner, IStorageWriter writer, IEnumerable<IEnvCheckObserver> observers, TimeProvider timeProvider,
    ILogger<EnvCheckService> logger)
    : IEnvChecks
{
    public async Task<EnvCheckReport> CheckAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken)
    {
        var report = await runner.CheckAsync(nodeId, project, actor, cancellationToken);
        // Stored under the name asked for: the agent's report names the project too, but the key is the supervisor's.
        var stored = report with { Project = project.Name, Verdict = EnvVerdicts.Worst(report.Items.Select(i => i.Verdict)) };
        var recorded = await writer.WriteAsync(new EnvReportWrite(nodeId, stored, timeProvider.GetUtcNow(), actor), cancellationToken);
        var failing = stored.Items.Count(i => i.Verdict != EnvVerdicts.Ready);
        var eventTypes = recorded.Count == 0 ? "none" : string.Join(",", recorded);
        LogChecked(logger, project.Name, nodeId, stored.Verdict, failing, eventTypes);
        foreach (var observer in observers)
        {
            await observer.CheckedAsync(nodeId, project, stored, cancellationToken);
        }
        return stored;
    }
}
