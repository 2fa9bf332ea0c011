using System.Diagnostics;
using System.Text.Json.Nodes;
using HalOSwarm.Shell;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>The commands of docs/OPERATIONS.md "TLS", run as written (paths and port substituted) against the supervisor.</summary>
public sealed class OperationsTlsTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-ops-tls");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OperationsMd_TlsCommands_OpensslCertificateValidatesPinMatchesRenewalServed()
    {
        var cert = _dir.Combine("supervisor.crt.pem");
        var key = _dir.Combine("supervisor.key.pem");
        await BashAsync(MakeCertificate(key, cert));
        var config = _dir.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(config, new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["auth_token"] = "0123456789abcdef0123",
                ["tls"] = new JsonObject { ["cert_file"] = cert, ["key_file"] = key },
            },
            ["database"] = new JsonObject { ["path"] = "x.db" },
        }.ToJsonString());
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(await SupervisorCommand.RunAsync(["--config", config, "--validate"], output, error) == 0, error.ToString());

        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["tls"] = new JsonObject
        {
            ["cert_file"] = cert,
            ["key_file"] = key,
            ["reload_check_sec"] = 1,
        });
        var pin = (await BashAsync($"openssl x509 -in {cert} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -r | cut -d' ' -f1")).Trim();
        using (var served = await TlsProbe.GetCertificateAsync(host.Port))
        {
            Assert.Equal(ServerTrust.PinOf(served), pin);
        }

        // Renewal as documented: new files under temporary names in the same folder, moved over the old ones.
        await BashAsync(MakeCertificate(key + ".new", cert + ".new") + $" && mv {key}.new {key} && mv {cert}.new {cert}");
        var renewed = (await BashAsync($"openssl x509 -in {cert} -noout -fingerprint -sha1")).Trim();
        await SupervisorHost.WaitUntilAsync(async () =>
            (await BashAsync($"openssl s_client -connect 127.0.0.1:{host.HttpPort} -servername supervisor.example </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha1 -enddate"))
                .Contains(renewed, StringComparison.Ordinal), "s_client to show the renewed certificate", 20_000);
    }

    private static string MakeCertificate(string key, string cert) =>
        $"openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 -keyout {key} -out {cert} "
        + "-subj \"/CN=supervisor.example\" -addext \"subjectAltName=DNS:supervisor.example,IP:127.0.0.1\"";

    private static async Task<string> BashAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command}\n→ exit {process.ExitCode}\n{await stderr}");
        return await stdout;
    }
}
