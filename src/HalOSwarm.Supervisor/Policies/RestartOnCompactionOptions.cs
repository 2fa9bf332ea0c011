using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.restart_on_compaction</c> section; a limit of 0 is off.</summary>
internal sealed class RestartOnCompactionOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.restart_on_compaction";

    public RestartOnCompactionOptions() => MaxRetries = 1;

    [ConfigurationKeyName("max_compactions")]
    public int MaxCompactions { get; set; } = 3;

    [ConfigurationKeyName("max_context_tokens")]
    public long MaxContextTokens { get; set; }
}
