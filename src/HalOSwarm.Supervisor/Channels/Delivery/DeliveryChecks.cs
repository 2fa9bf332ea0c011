namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The checks of <c>channels.delivery</c>.</summary>
internal static class DeliveryChecks
{
    public static void Check(DeliveryOptions options, List<string> errors)
    {
        if (options.MaxAttempts is < 1 or > 100)
        {
            errors.Add($"channels.delivery.max_attempts: must be from 1 to 100 (was {options.MaxAttempts})");
        }
        if (options.InitialBackoffMs is < 10 or > 600_000)
        {
            errors.Add($"channels.delivery.initial_backoff_ms: must be from 10 to 600000 (was {options.InitialBackoffMs})");
        }
        if (options.MaxBackoffSeconds is < 1 or > 86_400)
        {
            errors.Add($"channels.delivery.max_backoff_seconds: must be from 1 to 86400 (was {options.MaxBackoffSeconds})");
        }
        else if (options.InitialBackoffMs > options.MaxBackoffSeconds * 1000L)
        {
            errors.Add($"channels.delivery.initial_backoff_ms: must not exceed channels.delivery.max_backoff_seconds × 1000 (was {options.InitialBackoffMs})");
        }
        if (options.TimeoutSeconds is < 1 or > 300)
        {
            errors.Add($"channels.delivery.timeout_seconds: must be from 1 to 300 (was {options.TimeoutSeconds})");
        }
    }
}
