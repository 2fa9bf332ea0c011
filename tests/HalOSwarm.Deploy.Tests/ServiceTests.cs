using System.Net.Sockets;
using System.Text;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Deploy.Tests;

/// <summary>
/// What a <c>Type=notify</c> unit with journald logging gives the daemons, reproduced with systemd's own contracts:
/// a datagram socket in <c>NOTIFY_SOCKET</c> that receives READY=1 and STOPPING=1, and <c>JOURNAL_STREAM</c>
/// set, under which every log line starts with its syslog priority.
/// </summary>
public sealed class ServiceTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Supervisor_UnderSystemd_ReportsReadyThenStopping_AndLogsWithJournalPriorities()
    {
        using var dir = new TempDirectory("hal-svc");
        var config = dir.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(config, $$"""
            { "server": { "port": {{FreePort.Next()}}, "http_port": {{FreePort.Next()}}, "bind_address": "127.0.0.1",
                          "auth_token": "service-test-token-0123" },
              "database": { "path": "{{dir.Combine("supervisor.db")}}" } }
            """);

        await AssertServiceLifecycleAsync(dir, RepoPaths.Supervisor, config);
    }

    [Fact]
    public async Task Agent_UnderSystemd_ReportsReadyThenStopping_AndLogsWithJournalPriorities()
    {
        using var dir = new TempDirectory("hal-svc");
        Directory.CreateDirectory(dir.Combine("project"));
        var config = dir.Combine("agent.config.json");
        // Nothing listens on the supervisor port: the agent is ready once started, and dials in the background.
        await File.WriteAllTextAsync(config, $$"""
            { "supervisor_url": "ws://127.0.0.1:{{FreePort.Next()}}/ws/agent", "auth_token": "service-test-token-0123",
              "state_dir": "{{dir.Combine("state")}}",
              "projects": [ { "name": "demo", "directory": "{{dir.Combine("project")}}", "runtime": "tmux" } ] }
            """);

        await AssertServiceLifecycleAsync(dir, RepoPaths.Agent, config);
    }

    private static async Task AssertServiceLifecycleAsync(TempDirectory dir, string dll, string config)
    {
        var socketPath = dir.Combine("notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var env = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socketPath, ["JOURNAL_STREAM"] = "8:4242" };
        await using var daemon = TestProcess.StartDotnet(Path.GetFileNameWithoutExtension(dll), dll, ["--config", config], env, dir.Path);

        Assert.Contains("READY=1", await ReceiveAsync(notify, daemon), StringComparison.Ordinal);
        await daemon.WaitForOutputAsync("<6>{", s_wait);
        var stopping = daemon.StopAsync(s_wait);
        Assert.Contains("STOPPING=1", await ReceiveAsync(notify, daemon), StringComparison.Ordinal);
        Assert.Equal(0, await stopping);

        // Every line is a log entry: a priority, then one JSON object.
        var lines = daemon.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^<[0-7]>\{.*\}$", line));
    }

    private static async Task<string> ReceiveAsync(Socket socket, TestProcess daemon)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(s_wait);
        try
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, received);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing on NOTIFY_SOCKET within {s_wait}:\n{daemon.Output}");
        }
    }
}
