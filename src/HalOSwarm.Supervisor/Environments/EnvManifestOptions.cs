using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// One environment manifest (the fleet default or a project's). In a project's, each entry of a map replaces the
/// default's entry of the same key and the other fields replace the default's when set.
/// </summary>
internal sealed class EnvManifestOptions
{
    /// <summary>A project's manifest: start from the fleet default (true) or from nothing.</summary>
    [ConfigurationKeyName("inherit")]
    public bool? Inherit { get; set; }

    /// <summary>Programs the sessions need, by name.</summary>
    [ConfigurationKeyName("tools")]
    public Dictionary<string, EnvToolOptions> Tools { get; set; } = [];

    /// <summary>Environment variables the sessions need, by name (only whether they are set is ever reported).</summary>
    [ConfigurationKeyName("env")]
    public Dictionary<string, EnvVarOptions> Env { get; set; } = [];

    /// <summary>Values for the templates' <c>{{name}}</c> placeholders, besides project, node, directory and runtime.</summary>
    [ConfigurationKeyName("variables")]
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>The project's AGENT.md, written from a template.</summary>
    [ConfigurationKeyName("agents_md")]
    public EnvAgentsMdOptions? AgentsMd { get; set; }

    /// <summary>The <c>.context/</c> scaffold: file name under <c>.context/</c> → template name (empty: an empty file).</summary>
    [ConfigurationKeyName("context")]
    public Dictionary<string, string> Context { get; set; } = [];

    /// <summary>Docs the project must have, by path relative to the project directory.</summary>
    [ConfigurationKeyName("docs")]
    public Dictionary<string, EnvDocOptions> Docs { get; set; } = [];

    /// <summary>The project's git checkout: remote, branch, hooks.</summary>
    [ConfigurationKeyName("git")]
    public EnvGitOptions? Git { get; set; }
}
