using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Credentials;

/// <summary>Pushes that must be refused with a clear error, storing and sending nothing, and never echoing the secret.</summary>
public sealed class CredentialRefusalTests
{
    private const string Secret = "sk-refused-4b8e2f6a0c1d3e5f";

    [Fact]
    public async Task Push_BadRequests_ClearErrorsAndNothingStored()
    {
        await using var host = await CredentialHosts.StartAsync();
        await using var agent = await CredentialHosts.ConnectAsync(host, "n1");
        using var viewer = TokenIssuer.Client(host, await TokenIssuer.CreateAsync(host, "v", "viewer"));
        using var operatorClient = TokenIssuer.Client(host, await TokenIssuer.CreateAsync(host, "o", "operator"));
        var file = new { node_id = "n1", tool = "codex", kind = "file", content = Secret };

        var cases = new List<(string What, (int Status, JsonElement Body, string Text) Answer, int Status, string Code, string? Field)>
        {
            ("viewer", await viewer.PushAsync(file), 403, "forbidden", null),
            ("operator", await operatorClient.PushAsync(file), 403, "forbidden", null),
            ("operator, runbook path", await operatorClient.PushAsync(file, "/api/v1/commands/credentials/push"), 403, "forbidden", null),
            ("unknown tool", await host.Api.PushAsync(file with { tool = "gemini" }), 400, "invalid_request", "tool"),
            ("no content", await host.Api.PushAsync(file with { content = "" }), 400, "invalid_request", "content"),
            ("control characters", await host.Api.PushAsync(file with { content = Secret + "\u001b[2J" }), 400, "invalid_request", "content"),
            ("oversized", await host.Api.PushAsync(file with { content = Secret + new string('x', 64 * 1024) }), 413, "too_large", null),
            ("bad node id", await host.Api.PushAsync(file with { node_id = "N 1" }), 400, "invalid_request", "node_id"),
            ("unknown node", await host.Api.PushAsync(file with { node_id = "n9" }), 404, "not_found", null),
            ("env name", await host.Api.PushAsync(new { node_id = "n1", tool = "codex", env = new Dictionary<string, string> { [Secret + "="] = "x" } }),
                400, "invalid_request", "env"),
            ("generic commands API", await host.Api.PushAsync(new { type = "credentials_push", node_id = "n1", args = new { tool = "codex", version = 1, content = Secret } },
                "/api/v1/commands"), 400, "invalid_request", "type"),
        };

        foreach (var (what, answer, status, code, field) in cases)
        {
            Assert.True(answer.Status == status, $"{what}: {answer.Text}");
            Assert.Equal(code, answer.Body.GetProperty("code").GetString());
            if (field is not null)
            {
                Assert.Contains(answer.Body.GetProperty("details").GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
            }
            Assert.DoesNotContain(Secret, answer.Text, StringComparison.Ordinal);
        }
        Assert.Contains("/api/v1/credentials/push", cases[^1].Answer.Text, StringComparison.Ordinal);
        Assert.Empty((await host.GetDataAsync("/api/v1/credentials")).EnumerateArray());
        Assert.Empty((await host.GetDataAsync("/api/v1/commands")).EnumerateArray());
        Assert.Null(await agent.TryReceiveCommandAsync(200));
        Assert.DoesNotContain(Secret, await CredentialHosts.DatabaseTextAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_NoKeyConfigured_503WithTheFix()
    {
        await using var host = await CredentialHosts.StartAsync(withKey: false);
        await using var agent = await CredentialHosts.ConnectAsync(host, "n1");

        var answer = await host.Api.PushAsync(new { node_id = "n1", tool = "codex", kind = "file", content = Secret });
        var (listStatus, listBody) = await host.GetAsync("/api/v1/credentials");

        Assert.True(answer.Status == 503, answer.Text);
        Assert.Equal("credentials_not_configured", answer.Body.GetProperty("code").GetString());
        Assert.Contains("credentials.key_file", answer.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(503, listStatus);
        Assert.Equal("credentials_not_configured", listBody.GetProperty("code").GetString());
        Assert.Equal("none", Assert.Single((await host.GetDataAsync("/api/v1/credentials/drift")).EnumerateArray()).GetProperty("state").GetString());
        Assert.Empty((await host.GetDataAsync("/api/v1/commands")).EnumerateArray());
    }

    [Fact]
    public async Task Start_KeyFileReadableByOthers_RefusedWithTheKey()
    {
        using var temp = new HalOSwarm.Testing.TempDirectory("hal-creds-key");
        var keyFile = temp.Combine("credentials.key");
        CredentialHosts.WriteKey(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = await Assert.ThrowsAsync<HalOSwarm.Supervisor.Configuration.ConfigurationProblemsException>(() => SupervisorHost.StartAsync(
            c => c["credentials"] = new System.Text.Json.Nodes.JsonObject { ["key_file"] = keyFile }, temp));

        Assert.Contains("credentials.key_file", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(keyFile).Trim(), error.Message, StringComparison.Ordinal);
    }
}
