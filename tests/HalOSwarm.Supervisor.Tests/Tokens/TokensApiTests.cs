using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Tokens;

/// <summary>Creating, listing and revoking tokens through the API, as an admin sees it and as the database holds it.</summary>
public sealed class TokensApiTests
{
    [Fact]
    public async Task Create_UserToken_SecretShownOnceStoredHashedNeverListed()
    {
        await using var host = await SupervisorHost.StartAsync();

        var secret = await TokenIssuer.CreateAsync(host, "alice", "operator");

        Assert.StartsWith("hal_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, secret);
        var listed = await host.GetDataAsync("/api/v1/tokens");
        var alice = Assert.Single(listed.EnumerateArray());
        Assert.Equal("alice", alice.GetProperty("name").GetString());
        Assert.Equal("operator", alice.GetProperty("role").GetString());
        Assert.Equal("user", alice.GetProperty("kind").GetString());
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        Assert.False(alice.TryGetProperty("secret", out _));
        var stored = await ScalarAsync(host, "SELECT secret_sha256 FROM api_tokens WHERE name = 'alice'");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored);
        Assert.Equal(0L, await ScalarAsync(host, $"SELECT count(*) FROM api_tokens WHERE secret_sha256 = '{secret}' OR name = '{secret}'"));
    }

    [Fact]
    public async Task UserToken_ActsOnASession_AuditActorIsTheTokenNameWithTheCliSuffix()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a")]);
        var secret = await TokenIssuer.CreateAsync(host, "alice", "operator");
        using var client = TokenIssuer.Client(host, secret);
        client.DefaultRequestHeaders.Add("X-Hal-Actor", "cli:alice");

        var post = client.PostAsJsonAsync("/api/v1/sessions/ses_a/abort", new { });
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command);
        using var response = await post;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await host.GetDataAsync("/api/v1/audit?action=command.abort");
        Assert.Equal("token:alice/cli:alice", Assert.Single(audit.EnumerateArray()).GetProperty("actor").GetString());
        var created = await host.GetDataAsync("/api/v1/audit?action=token.create");
        Assert.Equal("api:admin", Assert.Single(created.EnumerateArray()).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Create_BadNameRoleOrTakenName_400Or409NothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await TokenIssuer.CreateAsync(host, "alice", "viewer");
        var before = await DbSnapshot.TakeAsync(host);

        foreach (var (body, status, code) in new (object, HttpStatusCode, string)[]
        {
            (new { name = "Alice", role = "viewer" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = new string('a', 65), role = "viewer" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = "a'; DROP TABLE api_tokens; --", role = "viewer" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = "node:web-1", role = "admin" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = "bob", role = "root" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = "bob" }, HttpStatusCode.BadRequest, "invalid_request"),
            (new { name = "alice", role = "admin" }, HttpStatusCode.Conflict, "conflict"),
        })
        {
            using var response = await host.Api.PostAsJsonAsync("/api/v1/tokens", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)} -> {(int)response.StatusCode} {text}");
            Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        }

        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task Revoke_ByNameThenNameReused_OldRefusedNewWorksListAllShowsBoth()
    {
        await using var host = await SupervisorHost.StartAsync();
        var old = await TokenIssuer.CreateAsync(host, "ci", "viewer");

        await TokenIssuer.RevokeAsync(host, "ci");
        var fresh = await TokenIssuer.CreateAsync(host, "ci", "viewer");

        using (var client = TokenIssuer.Client(host, old))
        using (var refused = await client.GetAsync("/api/v1/nodes"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using (var client = TokenIssuer.Client(host, fresh))
        using (var ok = await client.GetAsync("/api/v1/nodes"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        Assert.Single((await host.GetDataAsync("/api/v1/tokens")).EnumerateArray());
        var all = await host.GetDataAsync("/api/v1/tokens?include_revoked=true");
        Assert.Equal(2, all.GetArrayLength());
        Assert.Contains(all.EnumerateArray(), t => t.GetProperty("revoked_by").GetString() == "api:admin");
    }

    [Fact]
    public async Task Tokens_SurviveARestart_CacheRefilledFromTheDatabase()
    {
        using var temp = new HalOSwarm.Testing.TempDirectory("hal-sup");
        string secret;
        await using (var first = await SupervisorHost.StartAsync(reuse: temp))
        {
            secret = await TokenIssuer.CreateAsync(first, "kept", "viewer");
        }

        await using var second = await SupervisorHost.StartAsync(reuse: temp);
        using var client = TokenIssuer.Client(second, secret);
        using var response = await client.GetAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<object?> ScalarAsync(SupervisorHost host, string sql)
    {
        await using var connection = await host.OpenDatabaseAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
