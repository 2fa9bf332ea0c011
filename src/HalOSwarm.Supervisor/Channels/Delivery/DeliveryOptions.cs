using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The <c>channels.delivery</c> section: how the outbox retries.</summary>
internal sealed class DeliveryOptions
{
    /// <summary>Attempts before a delivery is given up as failed (waits asked by a 429 do not count).</summary>
    [ConfigurationKeyName("max_attempts")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's wait; each next one doubles, up to <see cref="MaxBackoffSeconds"/>.</summary>
    [ConfigurationKeyName("initial_backoff_ms")]
    public int InitialBackoffMs { get; set; } = 1000;

    [ConfigurationKeyName("max_backoff_seconds")]
    public int MaxBackoffSeconds { get; set; } = 300;

    /// <summary>One HTTP call's timeout.</summary>
    [ConfigurationKeyName("timeout_seconds")]
    public int TimeoutSeconds { get; set; } = 10;
}
