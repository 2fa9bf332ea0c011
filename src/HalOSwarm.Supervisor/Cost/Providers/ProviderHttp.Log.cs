namespace HalOSwarm.Supervisor.Cost.Providers;

internal sealed partial class ProviderHttp
{
    [LoggerMessage(Level = LogLevel.Debug, EventName = "cost.provider_retry", Message = "Cost provider {provider}: {reason}; retrying in {delay_ms} ms")]
    private static partial void LogRetry(ILogger logger, string provider, string reason, long delay_ms);
}
