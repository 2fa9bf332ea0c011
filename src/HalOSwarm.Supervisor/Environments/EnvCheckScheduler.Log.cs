namespace HalOSwarm.Supervisor.Environments;

internal sealed partial class EnvCheckScheduler
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "env.check_failed",
        Message = "Could not check the environment of {project} on {node_id} ({reason}): {error}")]
    private static partial void LogCheckFailed(ILogger logger, string project, string node_id, string reason, string error);
}
