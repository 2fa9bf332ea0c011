using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Tmux;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Runtimes.Tmux;

public sealed class TmuxProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-tmux-probe");
    private readonly AgentDatabase _db;

    public TmuxProbeTests() => _db = new AgentDatabase(_dir.Path);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private TmuxRuntime Runtime(string binary)
    {
        var options = new AgentOptions { StateDir = _dir.Path };
        options.Runtimes.Tmux.Binary = binary;
        var sessions = new SessionStore(_db);
        return new TmuxRuntime(Options.Create(options), new EventRecorder(new Outbox(_db, TimeProvider.System), sessions), sessions,
            TimeProvider.System, NullLogger<TmuxRuntime>.Instance);
    }

    [Fact]
    public async Task Probe_InstalledTmux_AvailableWithVersion()
    {
        var info = await Runtime("tmux").ProbeAsync(CancellationToken.None);
        Assert.True(info.Available, info.Reason);
        Assert.Matches(@"^\d+\.\d+", info.Version);
        Assert.Equal("tmux", info.Name);
    }

    [Fact]
    public async Task Probe_MissingBinary_UnavailableWithReason()
    {
        var info = await Runtime(_dir.Combine("no-tmux-here")).ProbeAsync(CancellationToken.None);
        Assert.False(info.Available);
        Assert.Contains("not found", info.Reason, StringComparison.Ordinal);
        Assert.Contains("no-tmux-here", info.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_NotConfigured_UnderTheStateDirectory()
    {
        Assert.Equal(Path.Combine(_dir.Path, "runtimes", "tmux", "tmux.sock"), Runtime("tmux").Socket);
    }
}
