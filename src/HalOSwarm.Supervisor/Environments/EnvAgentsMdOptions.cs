using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The project's AGENT.md: which template, and where in the project.</summary>
internal sealed class EnvAgentsMdOptions
{
    /// <summary>A template name (<c>environments.templates</c> or built in: <c>agent-md</c>).</summary>
    [ConfigurationKeyName("template")]
    public string? Template { get; set; }

    /// <summary>Path relative to the project directory; default <c>AGENT.md</c>.</summary>
    [ConfigurationKeyName("path")]
    public string? Path { get; set; }
}
