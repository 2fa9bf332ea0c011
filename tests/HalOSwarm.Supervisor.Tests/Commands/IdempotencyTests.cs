using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task SameKeyTwiceConcurrently_RunsOnceAndBothGetTheSameCommand()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-idem", sessions: [AgentCommands.Session("ses_i")]);
        var body = new { type = "prompt", session_id = "ses_i", args = new { text = "once" }, idempotency_key = "key-1" };

        var first = host.PostAsync("/api/v1/commands?wait=10", body);
        var second = host.PostAsync("/api/v1/commands?wait=10", body);
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.All(results, r => Assert.Equal(command.CommandId, r.Body.Command().GetProperty("command_id").GetString()));
        Assert.Null(await agent.TryReceiveCommandAsync(500));
        var list = await host.GetDataAsync("/api/v1/commands?session_id=ses_i");
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal("key-1", list[0].GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task KeyOfAFailedCommand_RunsAgainAsANewCommand()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-idem2", sessions: [AgentCommands.Session("ses_j")]);
        var body = new { type = "abort", session_id = "ses_j" };
        var path = "/api/v1/commands?wait=10";

        var firstPost = host.PostAsync(path, new { body.type, body.session_id, idempotency_key = "key-2" });
        var first = await agent.ReceiveCommandAsync();
        await agent.FailAsync(first, CommandErrorCodes.RuntimeError, "runtime crashed");
        var firstResult = await firstPost;
        var secondPost = host.PostAsync(path, new { body.type, body.session_id, idempotency_key = "key-2" });
        var second = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(second);
        var secondResult = await secondPost;
        var replay = await host.PostAsync(path, new { body.type, body.session_id, idempotency_key = "key-2" });

        Assert.Equal(502, firstResult.Status);
        Assert.NotEqual(first.CommandId, second.CommandId);
        Assert.Equal(200, secondResult.Status);
        Assert.Equal(second.CommandId, replay.Body.Command().GetProperty("command_id").GetString());
        Assert.Null(await agent.TryReceiveCommandAsync(300));
    }

    [Fact]
    public async Task IdempotencyKeyHeader_ReplaysTheFirstCommand()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-idem3", sessions: [AgentCommands.Session("ses_k")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_k/abort?wait=0");
        request.Headers.Add("Idempotency-Key", "hdr-1");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions/ses_k/abort?wait=0");
        again.Headers.Add("Idempotency-Key", "hdr-1");

        using var first = await host.Api.SendAsync(request);
        var command = await agent.ReceiveCommandAsync();
        using var second = await host.Api.SendAsync(again);

        Assert.Equal(202, (int)first.StatusCode);
        Assert.Contains(command.CommandId, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await agent.TryReceiveCommandAsync(300));
    }
}
