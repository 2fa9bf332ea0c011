namespace HalOSwarm.Supervisor.Cost.Providers;

internal sealed partial class ProviderStatusBoard
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "cost.provider_degraded",
        Message = "Cost provider {provider} is degraded: {reason}; its billed costs are not updated until a poll succeeds")]
    private static partial void LogDegraded(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, EventName = "cost.provider_recovered", Message = "Cost provider {provider} answers again")]
    private static partial void LogRecovered(ILogger logger, string provider);
}
