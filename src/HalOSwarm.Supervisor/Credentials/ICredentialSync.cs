namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// Whether a node's tool credentials are the version the supervisor pushed: what <c>halctl auth status</c> shows as
/// "Credential Sync" and <c>halctl auth drift</c> lists. The credentials feature implements it (CredentialSync); until credentials are
/// pushed to a node its state is <see cref="CredentialSyncStates.None"/>.
/// </summary>
internal interface ICredentialSync
{
    Task<NodeCredentialSync> GetAsync(string nodeId, CancellationToken cancellationToken);
}

/// <summary>
/// A node's credential sync: <see cref="State"/> is the worst of its tools'; <see cref="Version"/> the version the node
/// reports for the tool that decides it (0 when none was ever applied).
/// </summary>
internal sealed record NodeCredentialSync(string NodeId, string State, int Version, IReadOnlyList<ToolCredentialSync> Tools);

/// <summary>One tool's credentials on a node: the pushed version, the version the node applied, and whether they match.</summary>
internal sealed record ToolCredentialSync(string Tool, string State, int? PushedVersion, int? NodeVersion);

/// <summary>The values of a credential sync state, as the seed runbook prints them.</summary>
internal static class CredentialSyncStates
{
    /// <summary>The node applied the latest pushed version and its auth file still holds it.</summary>
    public const string InSync = "in_sync";
    /// <summary>The node's credentials are not the pushed version (changed by hand, or a push not applied yet).</summary>
    public const string DriftDetected = "drift_detected";
    /// <summary>Nothing was ever pushed for the node.</summary>
    public const string None = "none";
}
