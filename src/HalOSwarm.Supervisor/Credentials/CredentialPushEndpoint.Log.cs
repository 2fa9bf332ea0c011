namespace HalOSwarm.Supervisor.Credentials;

internal static partial class CredentialPushEndpoint
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "credentials.stored",
        Message = "Stored credentials {tool} v{version} ({kind}) for node {node_id} by {actor}")]
    private static partial void LogStored(ILogger logger, string node_id, string tool, string kind, int version, string actor);
}
