using System.Collections.Concurrent;
using System.Threading.Channels;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The automatic round (<c>environments.auto_provision</c>): every check that finds safe fixes or installs needed, whoever
/// ran it, queues its node and project here, and this component's own task provisions them one at a time as
/// <see cref="EnvProvisioner.AutoActor"/>, so the check itself never waits for it. A node and project already queued
/// are not queued twice; the checks provisioning runs itself are not observed (<see cref="EnvProvisionScope"/>).
/// </summary>
internal sealed partial class EnvAutoProvisioner(IOptions<EnvironmentsOptions> options, IServiceProvider services, ILogger<EnvAutoProvisioner> logger)
    : BackgroundService, IEnvCheckObserver
{
    private readonly Channel<(string NodeId, ProjectInfo Project, EnvCheckReport Report)> _queue =
        Channel.CreateBounded<(string, ProjectInfo, EnvCheckReport)>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<(string, string), bool> _queued = new();

    public ValueTask CheckedAsync(string nodeId, ProjectInfo project, EnvCheckReport report, CancellationToken cancellationToken)
    {
        if (options.Value.AutoProvision && !EnvProvisionScope.Inside && EnvProvisioner.HasWork(report) && _queued.TryAdd((nodeId, project.Name), true)
            && !_queue.Writer.TryWrite((nodeId, project, report)))
        {
            _queued.TryRemove((nodeId, project.Name), out _);
        }
        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the provisioner checks through IEnvChecks, which tells this observer.
        var provisioner = services.GetRequiredService<EnvProvisioner>();
        try
        {
            await foreach (var (nodeId, project, report) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                _queued.TryRemove((nodeId, project.Name), out _);
                try
                {
                    var result = await provisioner.ProvisionAsync(nodeId, project, report, dryRun: false, auto: true, EnvProvisioner.AutoActor, stoppingToken);
                    var applied = result.Applied.Count(a => a.Outcome == EnvApplyOutcomes.Applied);
                    var pending = result.Proposals.Count(p => p.State == EnvProposalStates.Pending);
                    LogProvisioned(logger, nodeId, project.Name, applied, pending, result.VerdictAfter ?? result.VerdictBefore);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, nodeId, project.Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "env.auto_provisioned",
        Message = "Provisioned project {project} on node {node_id}: {applied} fixes applied, {pending} installs waiting for approval, verdict {verdict}")]
    private static partial void LogProvisioned(ILogger logger, string node_id, string project, int applied, int pending, string? verdict);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "env.auto_provision_failed",
        Message = "Could not provision project {project} on node {node_id}: {reason}")]
    private static partial void LogFailed(ILogger logger, string node_id, string project, string reason);
}
