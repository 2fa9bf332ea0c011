using System.Text.Json;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Tests.Commands;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Audit;

public sealed class AuditTests
{
    [Fact]
    public async Task Command_AuditedWithActorRedactedArgsResultAndDuration()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-aud", sessions: [AgentCommands.Session("ses_au")]);

        var post = host.PostAsync("/api/v1/commands?wait=10",
            new { type = "prompt", session_id = "ses_au", args = new { text = "hi", api_key = "sk-123", nested = new { password = "p" } } }, actor: "cli:alice");
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command);
        await post;
        var rejected = await host.PostAsync("/api/v1/commands", new { type = "kill", session_id = "ses_missing" });
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/audit?action=command.prompt"))[0].GetProperty("result").GetString() == "succeeded", "audit result");

        var entry = (await host.GetDataAsync("/api/v1/audit?actor=cli:alice"))[0];
        Assert.Equal("api:admin/cli:alice", entry.GetProperty("actor").GetString());
        Assert.Equal("command.prompt", entry.GetProperty("action").GetString());
        Assert.Equal("ses_au", entry.GetProperty("target").GetString());
        Assert.Equal("***", entry.GetProperty("args").GetProperty("api_key").GetString());
        Assert.Equal("***", entry.GetProperty("args").GetProperty("nested").GetProperty("password").GetString());
        Assert.Equal("hi", entry.GetProperty("args").GetProperty("text").GetString());
        Assert.Equal(command.CommandId, entry.GetProperty("command_id").GetString());
        Assert.True(entry.GetProperty("duration_ms").GetInt64() >= 0);
        Assert.Equal("127.0.0.1", entry.GetProperty("source_address").GetString());
        Assert.Equal(404, rejected.Status);
        var refusal = (await host.GetDataAsync("/api/v1/audit?action=command.kill"))[0];
        Assert.Equal("rejected", refusal.GetProperty("result").GetString());
        Assert.Equal("api:admin", refusal.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task AuditList_PagesWithCursorAndRejectsBadFilters()
    {
        await using var host = await CommandHosts.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.PostAsync("/api/v1/commands", new { type = "kill", session_id = $"ses_{i}" });
        }

        using var first = JsonDocument.Parse(await host.Api.GetStringAsync("/api/v1/audit?limit=2"));
        var cursor = first.RootElement.GetProperty("meta").GetProperty("next_cursor").GetString();
        var second = await host.GetDataAsync($"/api/v1/audit?limit=2&cursor={cursor}");
        var (status, _) = await host.GetAsync("/api/v1/audit?since=yesterday");

        Assert.Equal(2, first.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal(1, second.GetArrayLength());
        Assert.Equal("ses_0", second[0].GetProperty("target").GetString());
        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData("token", true)]
    [InlineData("auth_token", true)]
    [InlineData("Authorization", true)]
    [InlineData("api-key", true)]
    [InlineData("client_secret", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("idempotency_key", false)]
    [InlineData("text", false)]
    public void SecretRedactor_KnowsSecretKeys(string key, bool secret) => Assert.Equal(secret, SecretRedactor.IsSecretKey(key));

    [Fact]
    public void SecretRedactor_BlanksNestedValuesInObjectsAndArrays()
    {
        var value = JsonDocument.Parse("""{"a":[{"token":"t"}],"secret":{"x":1},"keep":"v"}""").RootElement;

        var redacted = SecretRedactor.Redact(value)!.Value;

        Assert.Equal("""{"a":[{"token":"***"}],"secret":"***","keep":"v"}""", redacted.GetRawText());
    }
}
