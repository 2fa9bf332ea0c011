using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary>
/// The seed's supervisor_url (<c>ws://host:port</c>) works; a refusal the same attempt would get again is logged once
/// with its fix and retried slowly. The clock is fake: the slow waits pass without the test waiting for them.
/// </summary>
public sealed class SupervisorRefusalTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-refusal");
    private readonly AgentDatabase _db;
    private readonly Outbox _outbox;
    private readonly CommandRunner _runner;
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly RecordingLogger<SupervisorConnection> _log = new();

    public SupervisorRefusalTests()
    {
        _db = new AgentDatabase(_dir.Path);
        _outbox = new Outbox(_db, TimeProvider.System);
        _runner = new CommandRunner(new StubCommands(), new CommandJournal(_db, TimeProvider.System), NullLogger<CommandRunner>.Instance);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _db.Dispose();
        _dir.Dispose();
    }

    private SupervisorConnection NewConnection(string url, TimeProvider time)
    {
        var options = Options.Create(new AgentOptions
        {
            SupervisorUrl = url,
            AuthToken = "secret-token",
            StateDir = _dir.Path,
            Projects = [new ProjectOptions { Name = "proj", Directory = _dir.Path }],
        });
        var sampler = new ResourceSampler(_dir.Path);
        var hello = new HelloFactory(new NodeIdentity("node-1", "host-1"), options,
            new RuntimeCatalog(options, [], NullLogger<RuntimeCatalog>.Instance), sampler, new SessionStore(_db), _outbox);
        return new SupervisorConnection(options, hello, _outbox, _runner, sampler, time, _log, new Backoff(new Random(7)), new RefusalBackoff(new Random(7)));
    }

    private int Count(LogLevel level) => _log.Entries.Count(e => e.Level == level);

    [Fact]
    public async Task Connect_BareWsUrlOfTheSeed_DialsTheAgentEndpoint()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.BareUrl, TimeProvider.System);

        await connection.StartAsync(CancellationToken.None);

        var peer = await supervisor.NextConnectionAsync();
        Assert.Equal("node-1", (await peer.ReceiveAsync(MessageTypes.Hello)).Payload.GetProperty("node_id").GetString());
        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Refusal_Http404_LoggedOnceWithTheFix_RetriedSlowly()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.BareUrl + "/not-the-endpoint", _time);
        await connection.StartAsync(CancellationToken.None);

        await _log.WaitForAsync("Refused by");
        var waits = new List<TimeSpan> { await _time.ElapseNextWaitAsync() };
        await _log.WaitForAsync("Still refused");
        waits.Add(await _time.ElapseNextWaitAsync());
        await _log.WaitForAsync("Still refused", 2);
        waits.Add(await _time.ElapseNextWaitAsync());
        await _log.WaitForAsync("Still refused", 3);
        await connection.StopAsync(CancellationToken.None);

        var error = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("has no agent endpoint at ws://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("ws://host:port or ws://host:port/ws/agent", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, supervisor.Requests);
        // 30 s doubling, ±20 %: slow from the first retry on.
        Assert.InRange(waits[0].TotalSeconds, 24, 36);
        Assert.InRange(waits[1].TotalSeconds, 48, 72);
        Assert.InRange(waits[2].TotalSeconds, 96, 144);
    }

    [Fact]
    public async Task Refusal_Http401_SaysWhichTokenToSet()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        supervisor.RequiredToken = "the-supervisors-token";
        using var connection = NewConnection(supervisor.BareUrl, _time);
        await connection.StartAsync(CancellationToken.None);

        await _log.WaitForAsync("Refused by");
        await connection.StopAsync(CancellationToken.None);

        var error = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("refused auth_token (HTTP 401)", error.Message, StringComparison.Ordinal);
        Assert.Contains("server.auth_token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloseCodes.DuplicateNode, "already holds a live connection for this node id")]
    [InlineData(CloseCodes.HelloRefused, "refused this node's hello")]
    [InlineData(CloseCodes.UnsupportedVersion, "no protocol version in common")]
    [InlineData(CloseCodes.NodeNotAllowed, "enrolled for another node id")]
    public async Task Refusal_CloseAtHandshake_LoggedOnce_RetriedSlowly_AcceptanceLogged(int code, string says)
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url, _time);
        await connection.StartAsync(CancellationToken.None);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var refused = await supervisor.NextConnectionAsync();
            await refused.ReceiveAsync(MessageTypes.Hello);
            await refused.CloseAsync(code, "node id node-1 is already connected");
            await _log.WaitForAsync(attempt == 1 ? "Refused by" : "Still refused");
            Assert.True((await _time.ElapseNextWaitAsync()) >= TimeSpan.FromSeconds(24));
        }
        var accepted = await supervisor.NextConnectionAsync();
        await accepted.ReceiveAsync(MessageTypes.Hello);
        await accepted.WelcomeAsync(durableSeq: 0);
        await _log.WaitForAsync("after being refused");
        await connection.StopAsync(CancellationToken.None);

        var error = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count(LogLevel.Debug));
    }

    private sealed class StubCommands : ICommandHandler
    {
        public Task<CommandResult> HandleAsync(CommandRequest command, CancellationToken cancellationToken) =>
            Task.FromResult(new CommandResult(command.CommandId, false, null, "no such command", CommandErrorCodes.UnknownCommand));
    }
}
