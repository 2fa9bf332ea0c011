using Microsoft.Extensions.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// One project the agent hosts: a name unique on this node, its working directory, the runtime its
/// sessions run in, and what it changes of that runtime's options (model, extra args, environment).
/// </summary>
internal sealed class ProjectOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    [ConfigurationKeyName("directory")]
    public string Directory { get; set; } = "";

    /// <summary>The runtime that runs this project's sessions: opencode (default), claude-code, codex or tmux.</summary>
    [ConfigurationKeyName("runtime")]
    public string Runtime { get; set; } = RuntimeNames.OpenCode;

    /// <summary>The model of new sessions, instead of the runtime's.</summary>
    [ConfigurationKeyName("model")]
    public string? Model { get; set; }

    /// <summary>Arguments added after the runtime's own extra args.</summary>
    [ConfigurationKeyName("args")]
    public List<string> Args { get; set; } = [];

    /// <summary>Environment added to (and overriding) the runtime's.</summary>
    [ConfigurationKeyName("env")]
    public Dictionary<string, string> Env { get; set; } = [];

    /// <summary>tmux: the command line the session runs (default: the runtime's).</summary>
    [ConfigurationKeyName("command")]
    public string? Command { get; set; }

    /// <summary>Start every new session of this project in its own git worktree and branch.</summary>
    [ConfigurationKeyName("worktree")]
    public bool Worktree { get; set; }

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "name", "directory", "runtime", "model", "args", "env", "command", "worktree",
    };

    /// <summary>The model for a new session: the command's, else the project's, else the runtime's.</summary>
    public string? ModelFor(string? requested, RuntimeOptions runtime) =>
        !string.IsNullOrWhiteSpace(requested) ? requested : !string.IsNullOrWhiteSpace(Model) ? Model : runtime.Model;

    /// <summary>The runtime's extra args followed by the project's.</summary>
    public IReadOnlyList<string> ArgsFor(RuntimeOptions runtime) => [.. runtime.Args, .. Args];

    /// <summary>The runtime's environment with the project's on top, and credentials pushed as env pairs on top of both.</summary>
    public IReadOnlyDictionary<string, string> EnvFor(RuntimeOptions runtime)
    {
        var env = new Dictionary<string, string>(runtime.Env, StringComparer.Ordinal);
        foreach (var (key, value) in Env.Concat(runtime.PushedEnv()))
        {
            env[key] = value;
        }
        return env;
    }
}
