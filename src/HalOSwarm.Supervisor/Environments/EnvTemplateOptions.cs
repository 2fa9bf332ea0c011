using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>A template: inline <see cref="Text"/> or a <see cref="File"/> (absolute, or relative to the supervisor's working directory), not both.</summary>
internal sealed class EnvTemplateOptions
{
    [ConfigurationKeyName("text")]
    public string? Text { get; set; }

    [ConfigurationKeyName("file")]
    public string? File { get; set; }
}
