namespace HalOSwarm.Agent.Environments;

/// <summary>How an install command ended: its exit code (null when it did not start or timed out), its output's tail, and the error.</summary>
internal sealed record InstallRun(int? ExitCode, string OutputTail, string? Error);
