using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The <c>cost.providers</c> section: the billing APIs polled for reconciliation.</summary>
internal sealed class CostProvidersOptions
{
    [ConfigurationKeyName("anthropic")]
    public AnthropicProviderOptions Anthropic { get; set; } = new();

    [ConfigurationKeyName("openai")]
    public OpenAIProviderOptions OpenAI { get; set; } = new();

    /// <summary>Retries of a failed request (connection refused, timeout, 5xx, 429) before the provider is marked degraded.</summary>
    [ConfigurationKeyName("max_retries")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's wait; each next one waits twice as long (a 429's Retry-After wins).</summary>
    [ConfigurationKeyName("retry_delay_ms")]
    public int RetryDelayMs { get; set; } = 1000;
}
