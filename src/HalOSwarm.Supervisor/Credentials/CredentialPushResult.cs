using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>What a push answers: the version stored and the <c>credentials_push</c> command that delivers it (args <c>{tool, version}</c>).</summary>
internal sealed record CredentialPushResult(string NodeId, string Tool, string Kind, int Version, CommandDto Command);
