using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>Checks one project on one node now: compiles its manifest, has the node's agent check it, returns the report.</summary>
internal interface IEnvChecks
{
    /// <summary>
    /// Throws <see cref="Commands.CommandRejectedException"/> when the command cannot be sent (unknown node, manifest too
    /// large) and <see cref="EnvCheckFailedException"/> when the agent could not check (offline past the wait, refused).
    /// </summary>
    Task<EnvCheckReport> CheckAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken);
}
