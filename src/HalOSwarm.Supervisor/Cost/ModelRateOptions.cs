using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>One entry of <c>cost.rates</c>: USD per million tokens for the models <see cref="Model"/> matches.</summary>
internal sealed class ModelRateOptions
{
    /// <summary>A model name, or a glob with * (<c>claude-sonnet-4*</c>).</summary>
    [ConfigurationKeyName("model")]
    public string Model { get; set; } = "";

    [ConfigurationKeyName("input_per_mtok")]
    public decimal InputPerMtok { get; set; }

    [ConfigurationKeyName("output_per_mtok")]
    public decimal OutputPerMtok { get; set; }

    [ConfigurationKeyName("cache_read_per_mtok")]
    public decimal CacheReadPerMtok { get; set; }

    [ConfigurationKeyName("cache_write_per_mtok")]
    public decimal CacheWritePerMtok { get; set; }

    /// <summary>Reasoning tokens; when left at 0 they are priced as output.</summary>
    [ConfigurationKeyName("reasoning_per_mtok")]
    public decimal ReasoningPerMtok { get; set; }
}
