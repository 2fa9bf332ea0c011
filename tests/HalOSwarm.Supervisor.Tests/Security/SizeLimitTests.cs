using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>Every input has a size limit with a clear refusal, and nothing of a refused request is stored.</summary>
public sealed class SizeLimitTests
{
    [Fact]
    public async Task Prompt_OverMaxPromptBytes_400NothingStoredNothingSent()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-p", [AgentCommands.Session("ses_p")]);
        var before = await DbSnapshot.TakeAsync(host);

        using var response = await host.Api.PostAsJsonAsync("/api/v1/sessions/ses_p/prompt", new { text = new string('x', 300 * 1024) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("commands.max_prompt_bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await agent.TryReceiveCommandAsync(500));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task Body_OverTheRequestLimit_413EnvelopeNothingStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-b", [AgentCommands.Session("ses_b")]);
        var before = await DbSnapshot.TakeAsync(host);

        foreach (var size in new[] { 28 * 1024 * 1024, 50 * 1024 * 1024 })
        {
            // Raw HTTP: the head announces the size, the server answers before the body is sent.
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, host.HttpPort);
            var stream = tcp.GetStream();
            var head = $"POST /api/v1/sessions/ses_b/prompt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SupervisorHost.Token}\r\n"
                + $"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n{{\"text\":\"xxxx";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

            Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
            var json = response[response.IndexOf('{', StringComparison.Ordinal)..(response.LastIndexOf('}') + 1)]; // one chunk
            var error = JsonDocument.Parse(json).RootElement;
            Assert.Equal("too_large", error.GetProperty("code").GetString());
            Assert.Contains("server.max_request_body_bytes", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        Assert.Null(await agent.TryReceiveCommandAsync(500));
        (await DbSnapshot.TakeAsync(host)).AssertSameAs(before);
    }

    [Fact]
    public async Task CommandsList_LongPromptsAndLongAgentResults_FieldsCutInListWholeById()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-l", [AgentCommands.Session("ses_l")]);
        var prompt = new string('p', 200 * 1024);
        using var submit = await host.Api.PostAsJsonAsync("/api/v1/sessions/ses_l/prompt?wait=0", new { text = prompt });
        var commandId = JsonDocument.Parse(await submit.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("command_id").GetString()!;
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command, JsonSerializer.Serialize(new { output = new string('r', 500 * 1024) }));
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync($"/api/v1/commands/{commandId}")).GetProperty("state").GetString() == "succeeded", "the result");

        using var list = await host.Api.GetAsync("/api/v1/commands?limit=1000");
        var listed = (await list.Content.ReadAsStringAsync()).Length;
        var audit = (await (await host.Api.GetAsync("/api/v1/audit?limit=1000")).Content.ReadAsStringAsync()).Length;
        var one = await host.GetDataAsync($"/api/v1/commands/{commandId}");

        Assert.True(listed < 16 * 1024, $"the list is {listed} characters");
        Assert.True(audit < 16 * 1024, $"the audit list is {audit} characters");
        Assert.Equal(prompt, one.GetProperty("args").GetProperty("text").GetString());
    }

    [Fact]
    public async Task CommandArgs_SecretLookingKeys_MaskedInEveryResponseButSentToTheAgent()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-r", [AgentCommands.Session("ses_r")]);

        using var submit = await host.Api.PostAsJsonAsync("/api/v1/commands?wait=0",
            new { type = "start", project = "alpha", args = new { prompt = "go", api_key = "sk-very-secret-1", env = new { GITHUB_TOKEN = "ghp_secret_2" } } });
        var submitted = await submit.Content.ReadAsStringAsync();
        var command = await agent.ReceiveCommandAsync();
        var commandId = command.CommandId;
        var one = await (await host.Api.GetAsync($"/api/v1/commands/{commandId}")).Content.ReadAsStringAsync();
        var list = await (await host.Api.GetAsync("/api/v1/commands")).Content.ReadAsStringAsync();
        var audit = await (await host.Api.GetAsync("/api/v1/audit")).Content.ReadAsStringAsync();

        foreach (var (name, text) in new[] { ("submit", submitted), ("get", one), ("list", list), ("audit", audit) })
        {
            Assert.DoesNotContain("sk-very-secret-1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ghp_secret_2", text, StringComparison.Ordinal);
            Assert.True(text.Contains("***", StringComparison.Ordinal), $"{name} shows no mask");
        }
        Assert.Equal("sk-very-secret-1", command.Args.GetProperty("api_key").GetString());
    }
}
