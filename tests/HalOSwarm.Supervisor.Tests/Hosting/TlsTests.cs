using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary><c>server.tls</c> on the composed supervisor: both ports speak TLS with the configured certificate, and a new one is picked up.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TempDirectory _certs = new("hal-tls");

    public void Dispose() => _certs.Dispose();

    private static Action<JsonObject> WithTls(TestCertificate certificate, int reloadCheckSec = 10) => config =>
        config["server"]!["tls"] = new JsonObject
        {
            ["cert_file"] = certificate.CertFile,
            ["key_file"] = certificate.KeyFile,
            ["reload_check_sec"] = reloadCheckSec,
        };

    [Fact]
    public async Task Supervisor_TlsFiles_ApiOverHttpsAndAgentsOverWssWithThatCertificate()
    {
        var certificate = TestCertificate.Create(_certs.Path);
        await using var host = await SupervisorHost.StartAsync(WithTls(certificate));

        Assert.Equal(certificate.Thumbprint, (await TlsProbe.GetCertificateAsync(host.HttpPort)).Thumbprint);
        Assert.Equal(certificate.Thumbprint, (await TlsProbe.GetCertificateAsync(host.Port)).Thumbprint);
        using var api = TlsProbe.PinnedClient(certificate, new Uri($"https://127.0.0.1:{host.HttpPort}/"));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SupervisorHost.Token);
        using var nodes = await api.GetAsync("api/v1/nodes");
        Assert.Equal(HttpStatusCode.OK, nodes.StatusCode);
        Assert.Equal(BrowserGuardExtensions.HstsValue, nodes.Headers.GetValues("Strict-Transport-Security").Single());

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + SupervisorHost.Token);
        socket.Options.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.Thumbprint;
        await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{host.Port}/ws/agent"), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);

        // Plain HTTP on a TLS port is not served.
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{host.HttpPort}/healthz"));
    }

    [Fact]
    public async Task CertificateFiles_Replaced_NewConnectionsOnBothPortsGetTheNewCertificate()
    {
        var first = TestCertificate.Create(_certs.Path);
        await using var host = await SupervisorHost.StartAsync(WithTls(first, reloadCheckSec: 1));
        Assert.Equal(first.Thumbprint, (await TlsProbe.GetCertificateAsync(host.HttpPort)).Thumbprint);

        var renewed = first.Renew();

        Assert.NotEqual(first.Thumbprint, renewed.Thumbprint);
        await SupervisorHost.WaitUntilAsync(async () => (await TlsProbe.GetCertificateAsync(host.HttpPort)).Thumbprint == renewed.Thumbprint,
            "the API port to present the renewed certificate", 20_000);
        Assert.Equal(renewed.Thumbprint, (await TlsProbe.GetCertificateAsync(host.Port)).Thumbprint);
        using var api = TlsProbe.PinnedClient(renewed, new Uri($"https://127.0.0.1:{host.HttpPort}/"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("healthz")).StatusCode);
    }

    [Fact]
    public async Task CertificateFiles_ReplacedWithGarbage_OldCertificateKeptThenAGoodOneTaken()
    {
        var first = TestCertificate.Create(_certs.Path);
        await using var host = await SupervisorHost.StartAsync(WithTls(first));
        var reloader = host.Service<CertificateReloader>();

        await File.WriteAllTextAsync(first.CertFile, "not a certificate");
        reloader.Check();

        Assert.Equal(first.Thumbprint, (await TlsProbe.GetCertificateAsync(host.HttpPort)).Thumbprint);
        using var api = TlsProbe.PinnedClient(first, new Uri($"https://127.0.0.1:{host.HttpPort}/"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("healthz")).StatusCode);

        var renewed = first.Renew();
        reloader.Check();

        Assert.Equal(renewed.Thumbprint, (await TlsProbe.GetCertificateAsync(host.HttpPort)).Thumbprint);
    }
}
