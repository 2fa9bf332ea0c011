using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The <c>environments</c> section: what each project's environment needs on every node that hosts it. A fleet default
/// (<see cref="Default"/>) and per-project manifests (<see cref="Projects"/>) that override it entry by entry; the
/// templates AGENT.md, the <c>.context/</c> files, docs and hooks are written from; how often nodes are checked.
/// </summary>
internal sealed class EnvironmentsOptions
{
    public const string SectionName = "environments";
    public const int MinIntervalSec = 60;

    /// <summary>Every node is checked on connect and then every this many seconds; 0 checks only on connect and on demand.</summary>
    [ConfigurationKeyName("check_interval_sec")]
    public int CheckIntervalSec { get; set; } = 3600;

    /// <summary>Apply safe fixes (files, directories, hooks) by themselves after a check finds them needed.</summary>
    [ConfigurationKeyName("auto_provision")]
    public bool AutoProvision { get; set; } = true;

    /// <summary>Templates by name, each an inline <c>text</c> or a <c>file</c>; <see cref="EnvTemplates.BuiltIn"/> adds <c>agent-md</c> and <c>progress</c>.</summary>
    [ConfigurationKeyName("templates")]
    public Dictionary<string, EnvTemplateOptions> Templates { get; set; } = [];

    /// <summary>The manifest every project gets unless its own says <c>inherit: false</c>.</summary>
    [ConfigurationKeyName("default")]
    public EnvManifestOptions? Default { get; set; }

    /// <summary>Per-project manifests, by project name.</summary>
    [ConfigurationKeyName("projects")]
    public Dictionary<string, EnvManifestOptions> Projects { get; set; } = [];
}
