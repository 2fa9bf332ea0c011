namespace HalOSwarm.Supervisor.Commands;

/// <summary>Result of a finished <c>restart</c>: the new session, the old one, and the commands of each step.</summary>
internal sealed record RestartResult(
    string SessionId,
    string PreviousSessionId,
    bool HandoverFinished,
    string HandoverCommandId,
    string KillCommandId,
    string StartCommandId,
    string NodeId);
