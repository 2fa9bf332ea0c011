using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>What the project's git checkout must look like; every field is optional.</summary>
internal sealed class EnvGitOptions
{
    /// <summary>The remote's name (default <c>origin</c> when <see cref="Url"/> is set).</summary>
    [ConfigurationKeyName("remote")]
    public string? Remote { get; set; }

    /// <summary>The URL the remote must point to.</summary>
    [ConfigurationKeyName("url")]
    public string? Url { get; set; }

    /// <summary>The branch the checkout must be on.</summary>
    [ConfigurationKeyName("branch")]
    public string? Branch { get; set; }

    /// <summary>Git hooks by name (<c>pre-commit</c>…) → template name; written when absent or changed.</summary>
    [ConfigurationKeyName("hooks")]
    public Dictionary<string, string> Hooks { get; set; } = [];
}
