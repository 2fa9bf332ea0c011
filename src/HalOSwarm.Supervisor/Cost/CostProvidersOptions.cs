using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The <c>cost.providers</c> section: the billing APIs polled for reconciliation.</summary>
internal sealed class CostProvidersOptions
{
    [ConfigurationKeyName("anthropic")]
    public AnthropicProviderOptions Anthropic { get; set; } = new();

    [ConfigurationKeyName("openai")]
    public OpenAIProviderOptions OpenAI { get; set; } = new();
}
