namespace HalOSwarm.Supervisor.Environments;

internal sealed partial class EnvCheckService
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "env.checked",
        Message = "Environment of {project} on {node_id} is {verdict} ({failing_items} items not ready; events: {event_types})")]
    private static partial void LogChecked(ILogger logger, string project, string node_id, string verdict, int failing_items, string event_types);
}
