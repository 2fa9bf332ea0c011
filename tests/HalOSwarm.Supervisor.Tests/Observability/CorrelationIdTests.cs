using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Observability;

public sealed class CorrelationIdTests
{
    [Fact]
    public async Task Command_WithCorrelationHeader_SentToTheAgentAndShownWithTheCommand()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-corr");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects/alpha/start") { Content = JsonContent.Create(new { prompt = "hi" }) };
        request.Headers.Add("X-Correlation-Id", "req-42.alpha");

        var post = host.Api.SendAsync(request);
        var frame = (await agent.ReceiveAsync(MessageTypes.Command)).Payload;
        var command = frame.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;
        await agent.SendAsync(MessageTypes.CommandResult, new CommandResult(command.CommandId, true, null, null, null, "req-42.alpha"),
            ProtocolJsonContext.Default.CommandResult);
        using var response = await post;

        Assert.Equal("req-42.alpha", frame.GetProperty("correlation_id").GetString());
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("req-42.alpha", response.Headers.GetValues("X-Correlation-Id").Single());
        var stored = await host.GetDataAsync($"/api/v1/commands/{command.CommandId}");
        Assert.Equal("req-42.alpha", stored.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task Command_WithoutCorrelationHeader_OneIsMadeUpAndFollowsTheCommand()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-corr2");

        var post = host.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { prompt = "hi" });
        var command = (await agent.ReceiveAsync(MessageTypes.Command)).Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;
        // An agent older than the field answers without it; the command still succeeds.
        await agent.SendRawAsync("""{"v":1,"type":"command_result","ts":"2026-11-25T12:00:00+00:00","payload":{"command_id":""" + $"\"{command.CommandId}\"" + ""","ok":true}}""");
        using var response = await post;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(command.CorrelationId));
        Assert.Equal(command.CorrelationId, response.Headers.GetValues("X-Correlation-Id").Single());
        var stored = await host.GetDataAsync($"/api/v1/commands/{command.CommandId}");
        Assert.Equal(command.CorrelationId, stored.GetProperty("correlation_id").GetString());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task Command_InvalidCorrelationHeader_400AndNothingStored(string value)
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-corr3");
        var before = await DbSnapshot.TakeAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects/alpha/start") { Content = JsonContent.Create(new { prompt = "hi" }) };
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", value);

        using var response = await host.Api.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(body.GetProperty("details").GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "X-Correlation-Id");
        Assert.Equal(before.Counts, (await DbSnapshot.TakeAsync(host)).Counts);
    }
}
