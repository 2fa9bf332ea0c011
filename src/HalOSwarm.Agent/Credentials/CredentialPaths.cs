using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// Where each tool reads its credentials, in the environment its runtime runs it with (the runtime's <c>env</c> first,
/// then the agent's own): opencode <c>$XDG_DATA_HOME</c> (or <c>$HOME/.local/share</c>)<c>/opencode/auth.json</c>; Claude
/// Code <c>$CLAUDE_CONFIG_DIR</c> (or <c>$HOME/.claude</c>)<c>/.credentials.json</c>; Codex <c>$CODEX_HOME/auth.json</c>,
/// which for the agent's sessions is its own CODEX_HOME (<see cref="CodexHome"/>). Env pairs are kept in
/// <c>state_dir/credentials/&lt;tool&gt;.env.json</c>.
/// </summary>
internal sealed class CredentialPaths(AgentOptions options, CodexHome codexHome)
{
    public string Folder { get; } = Path.Combine(options.StateDir, "credentials");

    public string StateFile => Path.Combine(Folder, "state.json");

    public string EnvFile(string tool) => Path.Combine(Folder, $"{tool}.env.json");

    public string AuthFile(string tool) => tool switch
    {
        RuntimeNames.OpenCode => Path.Combine(Variable(tool, "XDG_DATA_HOME") ?? Path.Combine(Home(tool), ".local", "share"), "opencode", "auth.json"),
        RuntimeNames.ClaudeCode => Path.Combine(Variable(tool, "CLAUDE_CONFIG_DIR") ?? Path.Combine(Home(tool), ".claude"), ".credentials.json"),
        RuntimeNames.Codex => Path.Combine(codexHome.Path, "auth.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "unknown tool"),
    };

    private string Home(string tool) =>
        Variable(tool, "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private string? Variable(string tool, string name) =>
        options.Runtimes.For(tool).Env.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value
        : Environment.GetEnvironmentVariable(name) is { Length: > 0 } own ? own : null;
}
