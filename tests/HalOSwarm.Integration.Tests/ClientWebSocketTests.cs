using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.ClientApi;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// A program on the client WebSocket (<c>/api/v1/ws</c>) against the built supervisor and agent with a real opencode
/// session on the fake LLM: a raw <see cref="System.Net.WebSockets.ClientWebSocket"/> subscribes to one project's
/// events, sends a prompt and receives the command's result and the assistant's reply.
/// </summary>
public sealed class ClientWebSocketTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ClientSocket_SubscribeProjectAndPrompt_ReceivesCommandResultAndReplyEvents()
    {
        await using var cluster = await HalCluster.StartAsync();
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("the second answer, streamed", chunks: 4));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "one");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait, "first turn idle");
        using var created = await cluster.Api.PostAsJsonAsync("api/v1/tokens", new { name = "robot", role = "operator" });
        var secret = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("data").Str("secret");

        await using var client = await ClientSocket.ConnectAsync(cluster.HttpPort, secret);
        await client.SendAsync(JsonSerializer.Serialize(new { type = "subscribe", id = "demo-events", filter = new { project = HalCluster.ProjectName } }));
        await client.ReceiveAsync("subscribed");
        await client.SendAsync(JsonSerializer.Serialize(new { type = "command", id = "ask-1", command = new { type = "prompt", session_id = sessionId, args = new { text = "two" } } }));
        var accepted = await client.ReceiveAsync("command.accepted", timeoutMs: 30_000);
        var messages = new List<JsonElement>();
        JsonElement? result = null;
        JsonElement? reply = null;
        while (result is null || reply is null)
        {
            var message = await client.ReceiveAsync(timeoutMs: (int)s_wait.TotalMilliseconds)
                ?? throw new InvalidOperationException($"closed {client.CloseStatus}: {client.CloseReason}");
            messages.Add(message);
            if (message.Str("type") == "command.result")
            {
                result = message;
            }
            else if (message.Str("type") == "event" && message.GetProperty("event").Str("type") == "message.completed"
                && message.GetProperty("event").Data().Str("role") == "assistant")
            {
                reply = message;
            }
        }

        Assert.Equal("ask-1", accepted.Str("id"));
        Assert.Equal(("ask-1", "succeeded", accepted.Str("command_id")), (result.Value.Str("id"), result.Value.Str("state"), result.Value.Str("command_id")));
        Assert.Equal("token:robot", result.Value.GetProperty("command").Str("actor"));
        Assert.True(reply.Value.GetProperty("event").Data().Str("text") == "the second answer, streamed",
            "the assistant's message.completed should carry the whole reply; received:\n"
            + string.Join('\n', messages.Select(m => m.GetRawText().Length > 400 ? m.GetRawText()[..400] + "…" : m.GetRawText()))
            + "\n" + cluster.Diagnostics());
        var events = messages.Where(m => m.Str("type") == "event").Select(m => m.GetProperty("event")).ToList();
        Assert.All(events, e => Assert.Equal(sessionId, e.Str("session_id")));
        Assert.Equal("the second answer, streamed", events.DeltaText(reply.Value.GetProperty("event").Data().Str("message_id")));
        Assert.Contains(events, e => e.Str("type") == "message.completed" && e.Data().Str("role") == "user" && e.Data().Str("text") == "two");
        var audit = await cluster.GetDataAsync("api/v1/audit?action=command.prompt&actor=token:robot");
        Assert.Equal(accepted.Str("command_id"), Assert.Single(audit.EnumerateArray()).Str("command_id"));
    }
}
