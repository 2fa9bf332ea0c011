using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The <c>cost.providers.openai</c> section (organization usage and costs APIs).</summary>
internal sealed class OpenAIProviderOptions
{
    /// <summary>An organization admin key (sk-admin…); empty or a placeholder: not polled.</summary>
    [ConfigurationKeyName("org_api_key")]
    public string OrgApiKey { get; set; } = "";

    [ConfigurationKeyName("base_url")]
    public string BaseUrl { get; set; } = "https://api.openai.com";

    /// <summary>OpenAI project id (<c>proj_…</c>, or <c>default</c> for usage without one) → the project its usage is booked to.</summary>
    [ConfigurationKeyName("projects")]
    public Dictionary<string, string> Projects { get; set; } = [];
}
