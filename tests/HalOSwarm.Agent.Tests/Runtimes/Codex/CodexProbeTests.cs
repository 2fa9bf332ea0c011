using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.Codex;

/// <summary>The Codex probe (<c>codex --version</c> against the minimum the adapter was built for) over stand-in binaries.</summary>
public sealed class CodexProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new("cx-probe");

    public void Dispose() => _dir.Dispose();

    private string Binary(string version)
    {
        var path = _dir.Combine("codex");
        File.WriteAllText(path, $"#!/bin/sh\necho 'codex-cli {version}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private static Task<HalOSwarm.Protocol.RuntimeInfo> ProbeAsync(string binary) =>
        RuntimeProbe.VersionAsync("codex", binary, ["--version"], CodexRuntime.MinimumVersion, null, CancellationToken.None);

    [Fact]
    public async Task Probe_TestedVersion_Available()
    {
        var info = await ProbeAsync(Binary("0.169.0"));

        Assert.True(info.Available);
        Assert.Equal("0.169.0", info.Version);
    }

    [Fact]
    public async Task Probe_OlderVersion_UnavailableWithReason()
    {
        var info = await ProbeAsync(Binary("0.98.2"));

        Assert.False(info.Available);
        Assert.Contains("too old", info.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_MissingBinary_UnavailableWithReason()
    {
        var info = await ProbeAsync(_dir.Combine("no-such-codex"));

        Assert.False(info.Available);
        Assert.Contains("not found", info.Reason, StringComparison.Ordinal);
    }
}
