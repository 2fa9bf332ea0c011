namespace HalOSwarm.Supervisor.Tokens;

/// <summary>An active token already has the name asked for.</summary>
internal sealed class TokenConflictException(string message) : Exception(message);
