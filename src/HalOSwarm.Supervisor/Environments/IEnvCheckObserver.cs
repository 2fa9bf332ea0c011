using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Told of every finished check of a project on a node (on connect, on schedule, on demand) with its report, so
/// provisioning can apply the safe fixes and propose the risky ones. Called after the report is returned by
/// <see cref="IEnvChecks"/>; an observer must not throw and should hand long work to its own task.
/// </summary>
internal interface IEnvCheckObserver
{
    ValueTask CheckedAsync(string nodeId, ProjectInfo project, EnvCheckReport report, CancellationToken cancellationToken);
}
