using System.Text;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.OpenCode;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// The agent's own CODEX_HOME (<c>state_dir/codex-home</c>): Codex keeps its threads there
/// (<c>sessions/</c>) and reads <c>config.toml</c>, which the agent writes from <c>runtimes.codex</c>
/// before each app-server starts, trusting every project folder (and the session's worktree).
/// </summary>
internal sealed class CodexHome(AgentOptions options)
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.Combine(options.StateDir, "codex-home");

    /// <summary>Where the app-server of each session runs: <c>state_dir/runtimes/codex/&lt;thread id&gt;/</c>.</summary>
    public string SessionsRoot { get; } = System.IO.Path.Combine(options.StateDir, "runtimes", "codex");

    public string SessionFolder(string threadId) => System.IO.Path.Combine(SessionsRoot, threadId);

    public void WriteConfig(IEnumerable<string> extraTrusted)
    {
        var text = Render(options.Runtimes.Codex, options.Projects.Select(p => p.Directory).Concat(extraTrusted));
        lock (_gate)
        {
            Directory.CreateDirectory(Path);
            var file = System.IO.Path.Combine(Path, "config.toml");
            var temp = file + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, file, overwrite: true);
        }
    }

    public static string Render(CodexOptions codex, IEnumerable<string> trusted)
    {
        var toml = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(codex.Model))
        {
            toml.Append("model = ").AppendLine(Quote(codex.Model));
        }
        if (codex.Provider is { } provider)
        {
            toml.Append("model_provider = ").AppendLine(Quote(provider.Name));
        }
        toml.Append("approval_policy = ").AppendLine(Quote(codex.ApprovalPolicy));
        toml.Append("sandbox_mode = ").AppendLine(Quote(codex.SandboxMode));
        if (codex.Provider is { } p)
        {
            toml.AppendLine().Append("[model_providers.").Append(p.Name).AppendLine("]");
            toml.Append("name = ").AppendLine(Quote(p.Name));
            toml.Append("base_url = ").AppendLine(Quote(p.BaseUrl));
            if (!string.IsNullOrEmpty(p.EnvKey))
            {
                toml.Append("env_key = ").AppendLine(Quote(p.EnvKey));
            }
            toml.Append("wire_api = ").AppendLine(Quote(p.WireApi));
            toml.Append("request_max_retries = ").AppendLine(Json.Invariant(p.RequestMaxRetries));
            toml.Append("stream_max_retries = ").AppendLine(Json.Invariant(p.StreamMaxRetries));
        }
        foreach (var dir in trusted.Where(d => !string.IsNullOrWhiteSpace(d)).Select(System.IO.Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            toml.AppendLine().Append("[projects.").Append(Quote(dir)).AppendLine("]");
            toml.AppendLine("trust_level = \"trusted\"");
        }
        return toml.ToString();
    }

    /// <summary>A TOML basic string.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
