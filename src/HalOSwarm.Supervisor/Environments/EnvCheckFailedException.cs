namespace HalOSwarm.Supervisor.Environments;

/// <summary>The agent did not return a check report: <see cref="Code"/> is the command's error code (node_offline, deadline_exceeded…).</summary>
internal sealed class EnvCheckFailedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
