using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Tests.Runtimes.Tmux;

/// <summary>
/// Adoption through the agent's own commands (list_adoptable, adopt, prompt, kill), with the whole agent host
/// and real tmux: a session started by hand on the configured socket is brought under supervision and controlled.
/// </summary>
public sealed class TmuxAdoptionTests : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("hal-adopt");

    private string Socket => _dir.Combine("manual.sock");

    private string Log => _dir.Combine("program.log");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TmuxTool.KillServerAsync(Socket);
        _dir.Dispose();
    }

    [Fact]
    public async Task Adopt_SessionStartedByHand_ListedAdoptedPromptedFollowedAfterRestartAndKilled()
    {
        var project = _dir.Combine("project");
        Directory.CreateDirectory(project);
        var start = await TmuxTool.RunAsync(Socket, "new-session", "-d", "-s", "manual-work", "-c", project,
            TmuxTool.ScriptedAgentCommand("--steps", "1", "--step-sec", "0.1", "--loop", "--log", Log));
        Assert.True(start.ExitCode == 0, start.Output);
        Assert.Equal(0, (await TmuxTool.RunAsync(Socket, "new-session", "-d", "-s", "private", "sleep 600")).ExitCode);
        await WaitUntilAsync(() => Task.FromResult(File.Exists(Log) && File.ReadAllText(Log).Contains(" ask 1", StringComparison.Ordinal)), "the program asks");

        var config = _dir.Combine("agent.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["supervisor_url"] = $"ws://127.0.0.1:{FreePort.Next()}/ws/agent",
            ["auth_token"] = "adoption-test-token-0123",
            ["state_dir"] = _dir.Combine("state"),
            ["projects"] = new[] { new Dictionary<string, string> { ["name"] = "p", ["directory"] = project, ["runtime"] = "tmux" } },
            ["runtimes"] = new Dictionary<string, object>
            {
                ["tmux"] = new Dictionary<string, object> { ["socket"] = Socket, ["adopt_pattern"] = "^manual-", ["idle_after_sec"] = 1, ["poll_interval_ms"] = 100 },
            },
        }));
        using var host = AgentHost.Build(config);
        await host.StartAsync();
        try
        {
            var commands = host.Services.GetRequiredService<ICommandHandler>();
            var sessions = host.Services.GetRequiredService<SessionStore>();
            var outbox = host.Services.GetRequiredService<Outbox>();

            var listed = await RunAsync(commands, CommandTypes.ListAdoptable, project: "p");
            var names = listed.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("external_id").GetString()).ToList();
            Assert.Equal(["manual-work"], names);

            var adopted = await RunAsync(commands, CommandTypes.Adopt, project: "p", args: """{"external_id":"manual-work"}""");
            var sessionId = adopted.GetProperty("session_id").GetString()!;
            var record = await sessions.GetAsync(sessionId, CancellationToken.None);
            Assert.NotNull(record);
            Assert.True(record.Adopted);
            Assert.Equal("tmux", record.Runtime);
            Assert.Empty((await RunAsync(commands, CommandTypes.ListAdoptable, project: "p")).GetProperty("sessions").EnumerateArray());

            // What the screen showed before adoption is the first message; a prompt is typed into the waiting program.
            var prompt = await RunAsync(commands, CommandTypes.Prompt, sessionId, args: """{"text":"adopted hello"}""");
            Assert.True(prompt.GetProperty("delivered").GetBoolean(), prompt.ToString());
            await WaitUntilAsync(() => Task.FromResult(File.ReadAllText(Log).Contains(" read 1 adopted hello", StringComparison.Ordinal)), "the program read the prompt");
            await WaitUntilAsync(async () => Text(await outbox.ReadAsync(0, 1000, CancellationToken.None), sessionId)
                .Contains("you said: adopted hello", StringComparison.Ordinal), "the answer recorded");
            var events = (await outbox.ReadAsync(0, 1000, CancellationToken.None)).Where(e => e.SessionId == sessionId).ToList();
            var created = events.First(e => e.Type == EventTypes.SessionCreated);
            Assert.True(created.Data.GetProperty("adopted").GetBoolean());
            Assert.Contains(events, e => e.Type == EventTypes.MessageCompleted && e.Data.GetProperty("role").GetString() == "assistant"
                && e.Data.GetProperty("text").GetString()!.Contains("scripted-agent 1.0 ready", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Type == EventTypes.MessageCompleted && e.Data.GetProperty("role").GetString() == "user"
                && e.Data.GetProperty("text").GetString() == "adopted hello");

        }
        finally
        {
            await host.StopAsync();
        }

        // A restarted agent follows the adopted session again: controlled as before, nothing recorded twice.
        using var again = AgentHost.Build(config);
        await again.StartAsync();
        try
        {
            var commands = again.Services.GetRequiredService<ICommandHandler>();
            var sessions = again.Services.GetRequiredService<SessionStore>();
            var outbox = again.Services.GetRequiredService<Outbox>();
            var sessionId = Assert.Single(await sessions.ListAsync(CancellationToken.None)).SessionId;
            // (commands wait until the runtime has taken up its sessions; the program waits at its prompt, so no queueing)
            var prompt = await RunAsync(commands, CommandTypes.Prompt, sessionId, args: """{"text":"after restart"}""");
            Assert.True(prompt.GetProperty("delivered").GetBoolean(), prompt.ToString());
            await WaitUntilAsync(async () => Text(await outbox.ReadAsync(0, 1000, CancellationToken.None), sessionId)
                .Contains("you said: after restart", StringComparison.Ordinal), "the answer after the restart recorded");
            var text = Text(await outbox.ReadAsync(0, 1000, CancellationToken.None), sessionId);
            Assert.Single(Occurrences(text, "you said: adopted hello"));
            Assert.Contains(" read 2 after restart", await File.ReadAllTextAsync(Log), StringComparison.Ordinal);

            await RunAsync(commands, CommandTypes.Kill, sessionId);
            Assert.False(await TmuxTool.HasSessionAsync(Socket, "manual-work"));
            Assert.True(await TmuxTool.HasSessionAsync(Socket, "private"), "only the adopted session is killed");
            Assert.Null(await sessions.GetAsync(sessionId, CancellationToken.None));
        }
        finally
        {
            await again.StopAsync();
        }
    }

    private static IEnumerable<int> Occurrences(string text, string fragment)
    {
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static string Text(IEnumerable<AgentEvent> events, string sessionId) =>
        string.Concat(events.Where(e => e.SessionId == sessionId && e.Type == EventTypes.MessageDelta).Select(e => e.Data.GetProperty("text").GetString()));

    private static async Task<JsonElement> RunAsync(ICommandHandler commands, string type, string? sessionId = null, string? project = null, string args = "{}")
    {
        var result = await commands.HandleAsync(new CommandRequest(Guid.NewGuid().ToString("N"), type, sessionId, project,
            JsonDocument.Parse(args).RootElement, DateTimeOffset.UtcNow.AddSeconds(30)), CancellationToken.None);
        Assert.True(result.Ok, $"{type}: {result.ErrorCode} {result.Error}");
        return result.Result ?? default;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
