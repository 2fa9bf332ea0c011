using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Credentials;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Credentials;

/// <summary>What the agent does with a pushed credential: where it writes it, with which mode, what it reports and keeps.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CredentialLedgerTests : IDisposable
{
    private const string Secret = "sk-agent-9d8c7b6a5f4e3d2c1b0a";
    private readonly TempDirectory _dir = new("hal-agent-creds");
    private readonly RecordingRecorder _recorder = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ApplyAsync_File_WrittenOwnerOnlyInTheRuntimesEnvironmentAndReportedInSync()
    {
        var options = Options();
        using var ledger = Ledger(options);

        await ledger.ApplyAsync(Pushed("opencode", 3, "file", content: $$$"""{"fake":{"type":"api","key":"{{{Secret}}}"}}"""), CancellationToken.None);

        var written = Path.Combine(_dir.Combine("xdg"), "opencode", "auth.json");
        Assert.Contains(Secret, File.ReadAllText(written), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
        var state = Path.Combine(options.StateDir, "credentials", "state.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));
        Assert.DoesNotContain(Secret, File.ReadAllText(state), StringComparison.Ordinal);
        Assert.Equal(["opencode 3 in_sync"], _recorder.States);
        Assert.DoesNotContain(Secret, _recorder.Text, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(written)!, "*.tmp"));
    }

    [Fact]
    public async Task CheckAsync_FileChangedByHandThenRestored_DriftThenInSync()
    {
        var options = Options();
        using var ledger = Ledger(options);
        const string content = """{"OPENAI_API_KEY":"sk-one"}""";
        await ledger.ApplyAsync(Pushed("codex", 1, "file", content: content), CancellationToken.None);
        var written = Path.Combine(options.StateDir, "codex-home", "auth.json");

        var unchanged = await ledger.CheckAsync(CancellationToken.None);
        File.WriteAllText(written, """{"OPENAI_API_KEY":"sk-by-hand"}""");
        await ledger.CheckAsync(CancellationToken.None);
        var again = await ledger.CheckAsync(CancellationToken.None);
        File.WriteAllText(written, content);
        await ledger.CheckAsync(CancellationToken.None);

        Assert.Equal(0, unchanged);
        Assert.Equal(0, again);
        Assert.Equal(["codex 1 in_sync", "codex 1 drift_detected", "codex 1 in_sync"], _recorder.States);
    }

    [Fact]
    public async Task ApplyAsync_Env_SessionsStartedAfterwardsGetItAlsoAfterARestart()
    {
        var options = Options();
        using (var ledger = Ledger(options))
        {
            await ledger.ApplyAsync(Pushed("codex", 2, "env", env: new() { ["FAKE_API_KEY"] = Secret, ["ONLY_PUSHED"] = "1" }), CancellationToken.None);
        }
        var restarted = Options();
        using var reloaded = Ledger(restarted);
        reloaded.Load();

        Assert.Equal(Secret, options.Projects[0].EnvFor(options.Runtimes.Codex)["FAKE_API_KEY"]);
        Assert.Equal(Secret, restarted.Projects[0].EnvFor(restarted.Runtimes.Codex)["FAKE_API_KEY"]);
        Assert.Equal("1", restarted.Projects[0].EnvFor(restarted.Runtimes.Codex)["ONLY_PUSHED"]);
        Assert.False(restarted.Projects[0].EnvFor(restarted.Runtimes.ClaudeCode).ContainsKey("FAKE_API_KEY"));
        var envFile = Path.Combine(options.StateDir, "credentials", "codex.env.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));

        await reloaded.ApplyAsync(Pushed("codex", 3, "file", content: "{}"), CancellationToken.None);
        Assert.False(restarted.Projects[0].EnvFor(restarted.Runtimes.Codex).ContainsKey("ONLY_PUSHED"));
        Assert.False(File.Exists(envFile));
    }

    [Theory]
    [InlineData("""{"tool":"gemini","version":1,"kind":"file","content":"sk-agent-9d8c7b6a5f4e3d2c1b0a"}""", "args.tool")]
    [InlineData("""{"tool":"codex","version":0,"kind":"file","content":"sk-agent-9d8c7b6a5f4e3d2c1b0a"}""", "args.version")]
    [InlineData("""{"tool":"codex","version":1,"content":"sk-agent-9d8c7b6a5f4e3d2c1b0a"}""", "args.kind")]
    [InlineData("""{"tool":"codex","version":1,"kind":"env","env":{"A":1,"B":"sk-agent-9d8c7b6a5f4e3d2c1b0a"}}""", "args.env")]
    public void Parse_BadArgs_InvalidArgsNamingTheFieldNotTheValue(string args, string field)
    {
        var error = Assert.Throws<RuntimeCommandException>(() => PushedCredential.Parse(JsonDocument.Parse(args).RootElement));

        Assert.Equal(CommandErrorCodes.InvalidArgs, error.ErrorCode);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    private AgentOptions Options()
    {
        var options = new AgentOptions { StateDir = _dir.Combine("state"), Projects = [new ProjectOptions { Name = "p", Directory = _dir.Path }] };
        options.Runtimes.OpenCode.Env["XDG_DATA_HOME"] = _dir.Combine("xdg");
        options.Runtimes.ClaudeCode.Env["CLAUDE_CONFIG_DIR"] = _dir.Combine("claude");
        return options;
    }

    private CredentialLedger Ledger(AgentOptions options) => new(options, new CredentialPaths(options, new CodexHome(options)), _recorder);

    private static PushedCredential Pushed(string tool, int version, string kind, string? content = null, Dictionary<string, string>? env = null) =>
        PushedCredential.Parse(JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["tool"] = tool, ["version"] = version, ["kind"] = kind,
            ["content"] = content, ["env"] = env }));

    /// <summary>Keeps what is recorded instead of storing and sending it.</summary>
    private sealed class RecordingRecorder : IEventRecorder
    {
        private readonly List<AgentEvent> _events = [];

        public IReadOnlyList<string> States => [.. _events.Select(e => $"{e.Data.GetProperty("tool").GetString()} {e.Data.GetProperty("version").GetInt32()} {e.Data.GetProperty("state").GetString()}")];

        public string Text => JsonSerializer.Serialize(_events.Select(e => e.Data));

        public Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
        {
            var recorded = events.Select(e => new AgentEvent(_events.Count + 1, e.Type, e.SessionId, DateTimeOffset.UtcNow, e.Data)).ToList();
            Assert.All(recorded, e => Assert.Equal(EventTypes.CredentialsState, e.Type));
            _events.AddRange(recorded);
            return Task.FromResult<IReadOnlyList<AgentEvent>>(recorded);
        }

        public Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, RuntimeCursor cursor, CancellationToken cancellationToken) =>
            RecordAsync(events, cancellationToken);

        public Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken) => Task.FromResult(0L);
    }
}
