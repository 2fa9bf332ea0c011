using System.Net.WebSockets;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.ClientApi;

namespace HalOSwarm.Supervisor.Tests.ClientApi;

/// <summary>The client WebSocket <c>/api/v1/ws</c> against the composed supervisor and a protocol-speaking agent.</summary>
public sealed class ClientSocketTests
{
    private static readonly SessionSnapshot[] s_sessions = [AgentCommands.Session("ses_a", project: "alpha"), AgentCommands.Session("ses_b", project: "beta")];

    [Fact]
    public async Task Subscribe_ProjectFilter_ReceivesOnlyThatProjectsEvents()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-ws", s_sessions);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, viewer);
        Assert.Equal("viewer", client.Welcome.GetProperty("role").GetString());

        await client.SendAsync("""{"type":"subscribe","id":"s1","filter":{"project":"alpha"}}""");
        await client.ReceiveAsync("subscribed", m => Id(m) == "s1");
        await agent.SendEventsAsync([.. Ev.Range(1, 3, sessionId: "ses_b"), .. Ev.Range(4, 5, sessionId: "ses_a")]);
        var before = new List<JsonElement>();
        var last = await client.ReceiveAsync("event", m => Event(m).GetProperty("seq").GetInt64() == 5, before);

        var events = before.Append(last).Where(m => Type(m) == "event").ToList();
        Assert.Equal([4L, 5L], events.Select(m => Event(m).GetProperty("seq").GetInt64()));
        Assert.All(events, m => Assert.Equal("ses_a", Event(m).GetProperty("session_id").GetString()));
        Assert.All(events, m => Assert.Equal("s1", m.GetProperty("subscription").GetString()));
        Assert.Equal("message.delta", Event(last).GetProperty("type").GetString());
        Assert.Equal("t5", Event(last).GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Unsubscribe_ThenMoreEvents_NoneOfItsEventsFollow()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-ws", s_sessions);
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, SupervisorHost.Token);
        await client.SendAsync("""{"type":"subscribe","id":"s1","filter":{"session_id":"ses_a"}}""");
        await client.SendAsync("""{"type":"subscribe","id":"s2","filter":{"session_id":"ses_a","types":["message.*"]}}""");
        await client.ReceiveAsync("subscribed", m => Id(m) == "s2");
        await agent.SendEventsAsync(Ev.Range(1, 1, sessionId: "ses_a"));
        // each subscription pumps on its own, so the two copies of event 1 may come in either order
        var firstCopy = await client.ReceiveAsync("event", m => Subscription(m) is "s1" or "s2");
        var other = Subscription(firstCopy) == "s1" ? "s2" : "s1";
        await client.ReceiveAsync("event", m => Subscription(m) == other);

        await client.SendAsync("""{"type":"unsubscribe","id":"s1"}""");
        await client.ReceiveAsync("unsubscribed", m => Id(m) == "s1");
        await agent.SendEventsAsync(Ev.Range(2, 3, sessionId: "ses_a"));
        var between = new List<JsonElement>();
        await client.ReceiveAsync("event", m => Subscription(m) == "s2" && Event(m).GetProperty("seq").GetInt64() == 3, between);

        Assert.DoesNotContain(between, m => Type(m) == "event" && Subscription(m) == "s1");
        Assert.Contains(between, m => Type(m) == "event" && Event(m).GetProperty("seq").GetInt64() == 2);
    }

    [Fact]
    public async Task BadMessages_EachAnsweredWithAnErrorNamingIt_ConnectionStaysUsable()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, SupervisorHost.Token);

        var notJson = await SendForErrorAsync(client, "{not json");
        var notObject = await SendForErrorAsync(client, "[1,2]");
        var unknown = await SendForErrorAsync(client, """{"type":"launch","id":"x1"}""");
        var noId = await SendForErrorAsync(client, """{"type":"subscribe"}""");
        var badFilter = await SendForErrorAsync(client, """{"type":"subscribe","id":"s1","filter":{"colour":"red","types":["a*b"]}}""");
        var twice = await SendForErrorAsync(client, """{"type":"ping","type":"ping"}""");
        var noSubscription = await SendForErrorAsync(client, """{"type":"unsubscribe","id":"s9"}""");
        var noCommand = await SendForErrorAsync(client, """{"type":"command","id":"c1"}""");
        var badSession = await SendForErrorAsync(client, """{"type":"command","id":"c2","command":{"type":"prompt","session_id":"no spaces allowed","args":{"text":"x"}}}""");
        var unknownSession = await SendForErrorAsync(client, """{"type":"command","id":"c3","command":{"type":"abort","session_id":"ses_nobody"}}""");
        await client.SendAsync("""{"type":"ping","id":"p1"}""");
        var pong = await client.ReceiveAsync("pong");

        Assert.Equal(("invalid_message", null), (Code(notJson), Id(notJson)));
        Assert.Equal("invalid_message", Code(notObject));
        Assert.Equal(("unknown_type", "x1"), (Code(unknown), Id(unknown)));
        Assert.Contains("'launch'", Message(unknown), StringComparison.Ordinal);
        Assert.Equal("invalid_message", Code(noId));
        Assert.Contains("id: is required", Message(noId), StringComparison.Ordinal);
        Assert.Equal(("invalid_message", "s1"), (Code(badFilter), Id(badFilter)));
        Assert.Equal(["filter.colour", "filter.types"], badFilter.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).Order());
        Assert.Equal("invalid_message", Code(twice));
        Assert.Equal(("unknown_subscription", "s9"), (Code(noSubscription), Id(noSubscription)));
        Assert.Equal(("invalid_message", "c1"), (Code(noCommand), Id(noCommand)));
        Assert.Equal(("invalid_request", "c2"), (Code(badSession), Id(badSession)));
        Assert.Equal("session_id", Assert.Single(badSession.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(("not_found", "c3"), (Code(unknownSession), Id(unknownSession)));
        Assert.Equal("p1", Id(pong));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
        var stored = await host.GetDataAsync("/api/v1/commands");
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task OversizedMessage_ClosedWith1009()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, SupervisorHost.Token);
        var limit = client.Welcome.GetProperty("limits").GetProperty("max_message_bytes").GetInt32();

        await client.SendAsync(System.Text.Encoding.UTF8.GetBytes($$"""{"type":"ping","pad":"{{new string('a', limit)}}"}"""));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitClosedAsync());
        Assert.Contains("commands.max_prompt_bytes", client.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewerCommand_RefusedForbidden_NothingSentOrStored()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-ws", s_sessions);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, viewer);

        await client.SendAsync("""{"type":"command","id":"c1","command":{"type":"kill","session_id":"ses_a"}}""");
        var refused = await client.ReceiveAsync("error");
        // A later command through HTTP is the marker: the first command the agent sees must be it.
        using var marker = await host.Api.PostAsync("/api/v1/sessions/ses_b/status?wait=0", null);
        var first = await agent.ReceiveCommandAsync();

        Assert.Equal(("forbidden", "c1"), (Code(refused), Id(refused)));
        Assert.Contains("operator", Message(refused), StringComparison.Ordinal);
        Assert.Equal((CommandTypes.Status, "ses_b"), (first.Type, first.SessionId));
        var commands = await host.GetDataAsync("/api/v1/commands");
        Assert.Equal(CommandTypes.Status, Assert.Single(commands.EnumerateArray()).GetProperty("type").GetString());
        Assert.Equal(0, (await host.GetDataAsync("/api/v1/audit?action=command.kill")).GetArrayLength());
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task OperatorPrompt_AcceptedThenResultStreamedBack_AuditedAsTheToken()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-ws", s_sessions);
        var op = await TokenIssuer.CreateAsync(host, "otto", "operator");
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, op);

        await client.SendAsync("""{"type":"command","id":"c1","command":{"type":"prompt","session_id":"ses_a","args":{"text":"hello there"}}}""");
        var accepted = await client.ReceiveAsync("command.accepted");
        var command = await agent.ReceiveCommandAsync();
        await agent.AcceptAsync(command);
        await agent.ReplyAsync(command, """{"ok":true}""");
        var result = await client.ReceiveAsync("command.result");

        Assert.Equal("c1", Id(accepted));
        Assert.Equal(command.CommandId, accepted.GetProperty("command_id").GetString());
        Assert.Equal("hello there", command.Args.GetProperty("text").GetString());
        Assert.Equal(("c1", "succeeded", true), (Id(result), result.GetProperty("state").GetString(), result.GetProperty("final").GetBoolean()));
        Assert.Equal(command.CommandId, result.GetProperty("command").GetProperty("command_id").GetString());
        Assert.Equal("token:otto", result.GetProperty("command").GetProperty("actor").GetString());
        var audit = Assert.Single((await host.GetDataAsync("/api/v1/audit?action=command.prompt")).EnumerateArray());
        Assert.Equal("token:otto", audit.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Upgrade_NoTokenWrongTokenNodeTokenOrNoUpgrade_RefusedBeforeTheSocket()
    {
        await using var host = await SupervisorHost.StartAsync();
        var node = await TokenIssuer.EnrollAsync(host, "node-n");

        Assert.Equal(401, await ClientSocket.RefusedStatusAsync(host.HttpPort, null));
        Assert.Equal(401, await ClientSocket.RefusedStatusAsync(host.HttpPort, "wrong-token-0123456789abcdef"));
        Assert.Equal(403, await ClientSocket.RefusedStatusAsync(host.HttpPort, node));
        Assert.Equal(403, await ClientSocket.RefusedStatusAsync(host.HttpPort, SupervisorHost.Token, o => o.SetRequestHeader("Origin", "https://evil.example")));
        using var plain = await host.Api.GetAsync("/api/v1/ws");
        Assert.Equal(400, (int)plain.StatusCode);
    }

    [Fact]
    public async Task TokenRevoked_OpenSocket_Closed4410()
    {
        await using var host = await SupervisorHost.StartAsync();
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, viewer);

        await TokenIssuer.RevokeAsync(host, "vera");

        Assert.Equal((WebSocketCloseStatus)4410, await client.WaitClosedAsync());
    }

    private static async Task<JsonElement> SendForErrorAsync(ClientSocket client, string message)
    {
        await client.SendAsync(message);
        return await client.ReceiveAsync("error");
    }

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    private static string? Id(JsonElement message) => message.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static string? Code(JsonElement message) => message.GetProperty("code").GetString();

    private static string Message(JsonElement message) => message.GetProperty("message").GetString()!;

    private static string? Subscription(JsonElement message) => message.GetProperty("subscription").GetString();

    private static JsonElement Event(JsonElement message) => message.GetProperty("event");
}
