namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The answer while no credential has been pushed anywhere: every node <see cref="CredentialSyncStates.None"/>.</summary>
internal sealed class NoCredentialSync : ICredentialSync
{
    public Task<NodeCredentialSync> GetAsync(string nodeId, CancellationToken cancellationToken) =>
        Task.FromResult(new NodeCredentialSync(nodeId, CredentialSyncStates.None, 0, []));
}
