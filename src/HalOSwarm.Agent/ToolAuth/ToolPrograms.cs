using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// The agent programs this node runs (<see cref="AgentOptions.RuntimesInUse"/>, tmux aside: it has no login of its own),
/// each with the binary and environment its sessions get, so a login check sees the same HOME, XDG_*, CLAUDE_CONFIG_DIR
/// and API-key variables: the runtime's <c>env</c> with the first project of that runtime's <c>env</c> on top (opencode:
/// the runtime's only, as its one server serves every project), and for Codex the agent's own CODEX_HOME.
/// </summary>
internal sealed class ToolPrograms(AgentOptions options, CodexHome codexHome)
{
    public static readonly IReadOnlyList<string> Tools = [RuntimeNames.OpenCode, RuntimeNames.ClaudeCode, RuntimeNames.Codex];

    public IReadOnlyList<string> InUse => [.. Tools.Where(options.RuntimesInUse.Contains)];

    public ToolProgram For(string tool)
    {
        var runtime = options.Runtimes.For(tool);
        var project = tool == RuntimeNames.OpenCode ? null : options.Projects.FirstOrDefault(p => p.Runtime == tool);
        var env = new Dictionary<string, string>(project?.EnvFor(runtime) ?? runtime.Env, StringComparer.Ordinal);
        if (tool == RuntimeNames.Codex)
        {
            env["CODEX_HOME"] = codexHome.Path;
        }
        env.TryAdd("NO_COLOR", "1");
        return new ToolProgram(tool, runtime.Binary, $"runtimes.{tool}.binary", env);
    }
}
