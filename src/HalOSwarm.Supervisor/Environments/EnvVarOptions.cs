using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>An environment variable the project's sessions need; its value is never read into a report.</summary>
internal sealed class EnvVarOptions
{
    [ConfigurationKeyName("required")]
    public bool Required { get; set; } = true;
}
