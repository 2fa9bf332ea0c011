namespace HalOSwarm.Ctl.Api;

/// <summary>What a credential push answers: the stored version and the command that delivered it.</summary>
internal sealed record CredentialPushResultDto(string NodeId, string Tool, string Kind, int Version, CommandDto? Command);
