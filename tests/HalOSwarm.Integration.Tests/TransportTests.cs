using System.Net;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.OpenCode;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// TLS end to end with a self-signed certificate made in the test: the built supervisor with TLS on both ports, the
/// built hal-agent over wss:// pinned to that certificate, the built halctl over https with --ca-file, and a live event
/// stream over https.
/// </summary>
public sealed class TransportTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Tls_SelfSignedCertificate_AgentOverPinnedWssHalctlAndSseOverHttps()
    {
        // StartAsync returns once the API (over https) shows the node online: the agent got in over wss.
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { Tls = true });
        var nodeId = cluster.NodeId;
        Assert.Contains($"agents on wss://127.0.0.1:{cluster.AgentPort}/ws/agent, HTTP API on https://127.0.0.1:{cluster.HttpPort}/api/v1",
            cluster.Supervisor!.Output, StringComparison.Ordinal);

        // OPERATIONS.md "TLS": halctl against an https supervisor with a self-signed certificate.
        var list = await cluster.CtlAsync("--ca-file", cluster.Certificate!.CertFile, "nodes", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(nodeId, list.StdOut, StringComparison.Ordinal);
        Assert.Contains("online", list.StdOut, StringComparison.Ordinal);
        var untrusted = await cluster.CtlAsync("--ca-file", "", "nodes", "list");
        Assert.True(untrusted.ExitCode == 1, untrusted.ToString());
        Assert.Contains("TLS", untrusted.StdErr, StringComparison.Ordinal);
        Assert.Contains("--ca-file", untrusted.StdErr, StringComparison.Ordinal);
        var otherCa = Testing.Tls.TestCertificate.Create(cluster.Dir.Path, "other-ca");
        var wrongCa = await cluster.CtlAsync("--ca-file", otherCa.CertFile, "nodes", "list");
        Assert.True(wrongCa.ExitCode == 1, wrongCa.ToString());
        Assert.Contains("the supervisor's certificate was refused: the certificate does not chain to the CA file", wrongCa.StdErr, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/events/stream?after_id=0");
        using var response = await cluster.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        await ReadUntilAsync(stream, "event: node.online");

        // And live: the agent stops, its node.offline arrives on the open https stream.
        await cluster.Agent!.StopAsync();
        await ReadUntilAsync(stream, "event: node.offline");
    }

    [Fact]
    public async Task Tls_AgentPinnedToAnotherKey_RefusesTheCertificateSaysWhyNoNodeAppears()
    {
        var wrongPin = new string('0', 64);
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            Tls = true,
            WithAgent = false,
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_SUPERVISOR_TLS__PIN_SHA256"] = wrongPin },
        });
        await OpenCodeTool.EnsureInstalledAsync();
        await cluster.StartAgentAsync();

        await cluster.Agent!.WaitForOutputAsync("certificate was refused: the certificate", s_wait);

        Assert.Contains($"has pin {cluster.Certificate!.Pin}, not the configured one", cluster.Agent.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.GetDataAsync("api/v1/nodes")).GetArrayLength());
    }

    private static async Task ReadUntilAsync(StreamReader stream, string line)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        var seen = new List<string>();
        while (await stream.ReadLineAsync(timeout.Token) is { } next)
        {
            if (next == line)
            {
                return;
            }
            seen.Add(next);
        }
        throw new Xunit.Sdk.XunitException($"the stream ended before '{line}'; it sent:\n{string.Join('\n', seen)}");
    }
}
