using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary><c>runtimes.codex.provider</c>: an OpenAI-compatible endpoint Codex calls instead of its built-in provider.</summary>
internal sealed class CodexProviderOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    [ConfigurationKeyName("base_url")]
    public string BaseUrl { get; set; } = "";

    /// <summary>The environment variable holding the API key (set it in <c>runtimes.codex.env</c> or the agent's environment).</summary>
    [ConfigurationKeyName("env_key")]
    public string? EnvKey { get; set; }

    [ConfigurationKeyName("wire_api")]
    public string WireApi { get; set; } = "responses";

    /// <summary>Codex's own retries; 0 by default so a failure reaches the supervisor, whose policies decide.</summary>
    [ConfigurationKeyName("request_max_retries")]
    public int RequestMaxRetries { get; set; }

    [ConfigurationKeyName("stream_max_retries")]
    public int StreamMaxRetries { get; set; }

    public void Validate(string prefix, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{prefix}.name: must be letters, digits, '-' or '_'");
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add($"{prefix}.base_url: '{BaseUrl}' is not an http(s) URL");
        }
        if (WireApi != "responses")
        {
            errors.Add($"{prefix}.wire_api: '{WireApi}' is not supported (codex 0.169 speaks 'responses')");
        }
        if (EnvKey is { } key && (key.Length == 0 || key.Contains('=', StringComparison.Ordinal)))
        {
            errors.Add($"{prefix}.env_key: '{key}' is not an environment variable name");
        }
        if (RequestMaxRetries < 0)
        {
            errors.Add($"{prefix}.request_max_retries: must be 0 or more");
        }
        if (StreamMaxRetries < 0)
        {
            errors.Add($"{prefix}.stream_max_retries: must be 0 or more");
        }
    }
}
