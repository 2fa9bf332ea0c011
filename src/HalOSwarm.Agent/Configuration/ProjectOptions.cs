using Microsoft.Extensions.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Configuration;

/// <summary>One project the agent hosts: a name unique on this node and its working directory.</summary>
internal sealed class ProjectOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    [ConfigurationKeyName("directory")]
    public string Directory { get; set; } = "";

    /// <summary>The runtime that runs this project's sessions.</summary>
    [ConfigurationKeyName("runtime")]
    public string Runtime { get; set; } = RuntimeNames.OpenCode;

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "name", "directory", "runtime" };
}
