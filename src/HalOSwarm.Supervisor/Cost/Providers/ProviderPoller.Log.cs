namespace HalOSwarm.Supervisor.Cost.Providers;

internal sealed partial class ProviderPoller
{
    [LoggerMessage(Level = LogLevel.Error, EventName = "cost.provider_poll_not_stored",
        Message = "Cost providers were polled but the result could not be stored ({error_type}); the next poll tries again")]
    private static partial void LogNotStored(ILogger logger, string error_type);
}
