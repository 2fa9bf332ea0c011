using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary><c>runtimes.codex.rates.&lt;model&gt;</c>: dollars per million tokens.</summary>
internal sealed class CodexRateOptions
{
    [ConfigurationKeyName("input")]
    public decimal Input { get; set; }

    /// <summary>Input tokens served from the provider's cache; the input rate when not set.</summary>
    [ConfigurationKeyName("cached_input")]
    public decimal? CachedInput { get; set; }

    /// <summary>Output tokens, reasoning included.</summary>
    [ConfigurationKeyName("output")]
    public decimal Output { get; set; }

    public void Validate(string prefix, List<string> errors)
    {
        if (Input < 0)
        {
            errors.Add($"{prefix}.input: must be 0 or more");
        }
        if (CachedInput < 0)
        {
            errors.Add($"{prefix}.cached_input: must be 0 or more");
        }
        if (Output < 0)
        {
            errors.Add($"{prefix}.output: must be 0 or more");
        }
    }
}
