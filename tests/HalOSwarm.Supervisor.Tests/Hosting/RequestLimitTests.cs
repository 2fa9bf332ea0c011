using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary><c>server.max_request_header_bytes</c> is the limit applied, and Kestrel's own refusal keeps the error envelope under TLS.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task Headers_OverTheConfiguredLimitOverHttps_431EnvelopeUnderItServed()
    {
        using var certs = new TempDirectory("hal-tls");
        var certificate = TestCertificate.Create(certs.Path);
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            config["server"]!["max_request_header_bytes"] = 16 * 1024;
            config["server"]!["tls"] = new JsonObject { ["cert_file"] = certificate.CertFile, ["key_file"] = certificate.KeyFile };
        });
        using var api = TlsProbe.PinnedClient(certificate, new Uri($"https://127.0.0.1:{host.HttpPort}/"));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SupervisorHost.Token);

        using var under = new HttpRequestMessage(HttpMethod.Get, "api/v1/nodes");
        under.Headers.Add("X-Padding", new string('a', 12 * 1024));
        using var over = new HttpRequestMessage(HttpMethod.Get, "api/v1/nodes");
        over.Headers.Add("X-Padding", new string('a', 20 * 1024));

        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(under)).StatusCode);
        using var refused = await api.SendAsync(over);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", body.RootElement.GetProperty("code").GetString());
    }
}
