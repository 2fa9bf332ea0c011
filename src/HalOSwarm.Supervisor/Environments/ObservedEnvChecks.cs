using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Wraps the registered <see cref="IEnvChecks"/> (the runner, or a version that stores reports) and tells every
/// <see cref="IEnvCheckObserver"/> of each report, whoever asked for the check.
/// </summary>
internal sealed class ObservedEnvChecks(IEnvChecks inner, IEnumerable<IEnvCheckObserver> observers) : IEnvChecks
{
    public async Task<EnvCheckReport> CheckAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken)
    {
        var report = await inner.CheckAsync(nodeId, project, actor, cancellationToken);
        foreach (var observer in observers)
        {
            await observer.CheckedAsync(nodeId, project, report, cancellationToken);
        }
        return report;
    }
}
