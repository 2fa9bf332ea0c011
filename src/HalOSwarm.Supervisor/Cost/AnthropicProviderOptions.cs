using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The <c>cost.providers.anthropic</c> section (Admin API usage and cost reports).</summary>
internal sealed class AnthropicProviderOptions
{
    /// <summary>An Admin API key (sk-ant-admin…); empty or the seed's placeholder: not polled.</summary>
    [ConfigurationKeyName("admin_api_key")]
    public string AdminApiKey { get; set; } = "";

    [ConfigurationKeyName("base_url")]
    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    /// <summary>Workspace id (<c>wrkspc_…</c>, or <c>default</c> for the default workspace) → the project its usage is booked to.</summary>
    [ConfigurationKeyName("workspaces")]
    public Dictionary<string, string> Workspaces { get; set; } = [];
}
