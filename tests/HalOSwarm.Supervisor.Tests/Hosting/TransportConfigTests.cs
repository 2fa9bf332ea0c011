using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>The transport keys of <c>server</c> through <c>--validate</c> and start-up: every problem with its key.</summary>
public sealed class TransportConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-tls-cfg");

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, string Output, string Error)> RunAsync(string serverJson, bool validate)
    {
        var path = _dir.Combine("supervisor.config.json");
        var server = $"\"auth_token\":\"0123456789abcdef0123\",\"bind_address\":\"127.0.0.1\",\"port\":{FreePort.Next()},\"http_port\":{FreePort.Next()},";
        var database = _dir.Combine("x.db");
        await File.WriteAllTextAsync(path, "{\"server\":{" + server + serverJson + "},\"database\":{\"path\":\"" + database + "\"},\"logging\":{\"level\":\"error\"}}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(validate ? ["--config", path, "--validate"] : ["--config", path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_GoodTlsFiles_ExitsZero()
    {
        var certificate = TestCertificate.Create(_dir.Path);

        var (code, output, error) = await RunAsync($$"""
            "tls":{"cert_file":"{{certificate.CertFile}}","key_file":"{{certificate.KeyFile}}"},"allowed_origins":["https://dash.example.com"]
            """, validate: true);

        Assert.True(code == 0, error);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadTransportKeys_EveryProblemWithItsKey()
    {
        var (code, _, error) = await RunAsync("""
            "tls":{"cert_file":"relative.pem","reload_check_sec":0,"handshake_timeout_sec":0},
            "allowed_origins":["https://dash.example.com/","*"],
            "rate_limit":{"token_per_sec":0,"address_burst":0},
            "request_headers_timeout_sec":0,"keep_alive_timeout_sec":0,"max_request_header_bytes":10,"min_request_body_bytes_per_sec":-1
            """, validate: true);

        Assert.Equal(2, code);
        foreach (var key in new[]
        {
            "server.tls.cert_file: 'relative.pem' must be an absolute path", "server.tls.key_file: is required",
            "server.tls.reload_check_sec:", "server.tls.handshake_timeout_sec:", "server.allowed_origins[0]:", "server.allowed_origins[1]:",
            "server.rate_limit.token_per_sec:", "server.rate_limit.address_burst:", "server.request_headers_timeout_sec:",
            "server.keep_alive_timeout_sec:", "server.max_request_header_bytes:", "server.min_request_body_bytes_per_sec:",
        })
        {
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_UnusableTlsFiles_RefusedWithTheKeyOfTheFileAtFault()
    {
        var certificate = TestCertificate.Create(_dir.Path);
        var other = TestCertificate.Create(_dir.Path, "other");
        var garbage = _dir.Combine("garbage.pem");
        await File.WriteAllTextAsync(garbage, "not PEM at all");

        var missing = await RunAsync($$"""
            "tls":{"cert_file":"{{_dir.Combine("missing.pem")}}","key_file":"{{certificate.KeyFile}}"}
            """, validate: false);
        var notACertificate = await RunAsync($$"""
            "tls":{"cert_file":"{{garbage}}","key_file":"{{certificate.KeyFile}}"}
            """, validate: false);
        var wrongKey = await RunAsync($$"""
            "tls":{"cert_file":"{{certificate.CertFile}}","key_file":"{{other.KeyFile}}"}
            """, validate: false);

        Assert.Equal(2, missing.Code);
        Assert.Contains("server.tls.cert_file: '" + _dir.Combine("missing.pem") + "' does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, notACertificate.Code);
        Assert.Contains("server.tls.cert_file: '" + garbage + "' holds no PEM certificate", notACertificate.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrongKey.Code);
        Assert.Contains("server.tls.key_file: '" + other.KeyFile + "' is not an unencrypted PEM private key of the certificate", wrongKey.Error, StringComparison.Ordinal);
    }
}
