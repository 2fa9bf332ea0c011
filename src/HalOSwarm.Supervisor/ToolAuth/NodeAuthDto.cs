using HalOSwarm.Supervisor.Credentials;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>
/// A node's logins: whether it is connected, its credential sync (<see cref="ICredentialSync"/>: state, version and each
/// tool's pushed and applied versions) and each agent program's login status.
/// </summary>
internal sealed record NodeAuthDto(
    string NodeId,
    string NodeStatus,
    string CredentialSync,
    int CredentialVersion,
    IReadOnlyList<ToolCredentialSync> Credentials,
    IReadOnlyList<ToolAuthStatusDto> Tools);
