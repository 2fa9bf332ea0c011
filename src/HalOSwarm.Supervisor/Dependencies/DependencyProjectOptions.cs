using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>One entry of the <c>dependencies</c> section: the projects this one waits for, and how it is started.</summary>
internal sealed class DependencyProjectOptions
{
    [ConfigurationKeyName("depends_on")]
    public List<string> DependsOn { get; set; } = [];

    /// <summary>Start a session when every dependency is done; false only records that the project is ready.</summary>
    [ConfigurationKeyName("auto_start")]
    public bool AutoStart { get; set; } = true;

    /// <summary>First prompt of the started session; without it the configured init prompt is used.</summary>
    [ConfigurationKeyName("prompt")]
    public string? Prompt { get; set; }
}
