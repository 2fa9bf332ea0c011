using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.ClaudeCode;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Runtimes.ClaudeCode;

/// <summary>The adapter's probe and adoption, with a stand-in binary (the integration tests run the real one).</summary>
public sealed class ClaudeCodeRuntimeTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-cc-rt");

    public void Dispose() => _dir.Dispose();

    private (ClaudeCodeRuntime Runtime, AgentDatabase Db, SessionStore Sessions, Outbox Outbox, ProjectOptions Project) Create(string binary)
    {
        var project = new ProjectOptions { Name = "cc", Directory = _dir.Combine("proj"), Runtime = RuntimeNames.ClaudeCode };
        Directory.CreateDirectory(project.Directory);
        var options = new AgentOptions { StateDir = _dir.Combine("state"), Projects = [project] };
        options.Runtimes.ClaudeCode.Binary = binary;
        options.Runtimes.ClaudeCode.Approvals = false;
        options.Runtimes.ClaudeCode.Env["CLAUDE_CONFIG_DIR"] = _dir.Combine("config");
        Directory.CreateDirectory(options.StateDir);
        var db = new AgentDatabase(options.StateDir);
        var outbox = new Outbox(db, TimeProvider.System);
        var sessions = new SessionStore(db);
        var recorder = new EventRecorder(outbox, sessions);
        var broker = new ClaudePermissionBroker(recorder);
        var permissions = new ClaudePermissionServer(broker);
        var programs = new ClaudePrograms(Options.Create(options), recorder, permissions, TimeProvider.System, NullLogger<ClaudePrograms>.Instance);
        var runtime = new ClaudeCodeRuntime(Options.Create(options), recorder, sessions, broker, permissions, programs, NullLogger<ClaudeCodeRuntime>.Instance);
        return (runtime, db, sessions, outbox, project);
    }

    private string FakeBinary()
    {
        var path = _dir.Combine("claude");
        File.WriteAllText(path, "#!/bin/sh\necho '2.1.197 (Claude Code)'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Fact]
    public async Task ProbeAsync_BinaryMissing_UnavailableWithReason()
    {
        var (runtime, db, _, _, _) = Create(_dir.Combine("no-such-claude"));
        using (db)
        {
            var info = await runtime.ProbeAsync(CancellationToken.None);

            Assert.False(info.Available);
            Assert.Contains("not found", info.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProbeAsync_BinaryAnswers_AvailableWithVersion()
    {
        var (runtime, db, _, _, _) = Create(FakeBinary());
        using (db)
        {
            var info = await runtime.ProbeAsync(CancellationToken.None);

            Assert.True(info.Available);
            Assert.Equal("2.1.197", info.Version);
        }
    }

    [Fact]
    public async Task AdoptAsync_ClaudesOwnSession_TrackedAsAdoptedAndNoLongerListed()
    {
        var (runtime, db, sessions, outbox, project) = Create(FakeBinary());
        using (db)
        {
            const string id = "0b5c5d30-1111-4222-8333-444455556666";
            var folder = ClaudeTranscripts.ProjectFolder(new Dictionary<string, string> { ["CLAUDE_CONFIG_DIR"] = _dir.Combine("config") }, project.Directory);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, id + ".jsonl"),
                """{"type":"user","message":{"role":"user","content":"fix the build"},"uuid":"u1"}""" + "\n");
            await runtime.ProbeAsync(CancellationToken.None);
            await runtime.StartAsync(CancellationToken.None);
            try
            {
                var listed = Assert.Single(await runtime.ListAdoptableAsync(project, CancellationToken.None));
                Assert.Equal("fix the build", listed.Title);

                Assert.Equal(id, await runtime.AdoptAsync(project, id, CancellationToken.None));

                var session = await sessions.GetAsync(id, CancellationToken.None);
                Assert.NotNull(session);
                Assert.True(session.Adopted);
                Assert.Equal(RuntimeNames.ClaudeCode, session.Runtime);
                Assert.Empty(await runtime.ListAdoptableAsync(project, CancellationToken.None));
                var created = Assert.Single(await outbox.ReadAsync(0, 10, CancellationToken.None));
                Assert.Equal(EventTypes.SessionCreated, created.Type);
                Assert.False(await runtime.IsBusyAsync(session, CancellationToken.None));
            }
            finally
            {
                await runtime.StopAsync(CancellationToken.None);
            }
        }
    }
}
