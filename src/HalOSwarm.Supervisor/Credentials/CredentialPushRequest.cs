namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The body of <c>POST /api/v1/credentials/push</c>: the node, the tool, and either <see cref="Content"/> (kind <c>file</c>:
/// the tool's whole auth file) or <see cref="Env"/> (kind <c>env</c>: NAME=VALUE pairs for the sessions started afterwards).
/// <see cref="Kind"/> may be left out when only one of the two is given.
/// </summary>
internal sealed record CredentialPushRequest(string? NodeId, string? Tool, string? Kind, string? Content, Dictionary<string, string>? Env);
