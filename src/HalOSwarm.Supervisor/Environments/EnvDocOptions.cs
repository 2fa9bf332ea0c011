using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>A doc the project must have; with a template it is written when absent, without one it can only be reported.</summary>
internal sealed class EnvDocOptions
{
    [ConfigurationKeyName("template")]
    public string? Template { get; set; }

    [ConfigurationKeyName("required")]
    public bool Required { get; set; } = true;
}
