using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>A program the project's sessions need.</summary>
internal sealed class EnvToolOptions
{
    /// <summary>Version constraint (<c>&gt;=20</c>, <c>^1.2</c>, <c>~1.2</c>, <c>1.x</c>, <c>=1.2.3</c>); unset: any version.</summary>
    [ConfigurationKeyName("version")]
    public string? Version { get; set; }

    /// <summary>The argv that prints the version; unset: <c>[name, "--version"]</c>.</summary>
    [ConfigurationKeyName("version_command")]
    public List<string> VersionCommand { get; set; } = [];

    /// <summary>The shell command that installs it: proposed when the tool is missing or too old, run only once an operator approves.</summary>
    [ConfigurationKeyName("install")]
    public string? Install { get; set; }

    /// <summary>Missing makes the project <c>missing</c> (true, default) or only <c>degraded</c>.</summary>
    [ConfigurationKeyName("required")]
    public bool Required { get; set; } = true;
}
