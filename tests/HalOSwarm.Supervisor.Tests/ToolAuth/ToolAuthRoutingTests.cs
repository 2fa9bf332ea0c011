using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Channels.Routing;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.ToolAuth;

/// <summary>The routes docs/CHANNELS.md shows for tool logins, in the composed supervisor.</summary>
public sealed class ToolAuthRoutingTests
{
    private const string Routes = """
        [
          {"name": "login-code", "match": "auth.login.pending", "target": "webhook:ops",
           "template": "{data.tool} on {node} waits for a login: open {data.verification_url} and enter {data.user_code} (login {data.login_id})"},
          {"name": "logged-out", "match": "auth.status", "where": ["data.status == unauthenticated"], "target": "webhook:ops",
           "template": "{data.tool} on {node} is not logged in: {data.reason}"}
        ]
        """;

    [Fact]
    public async Task LoginPending_ChatRoute_AlertCarriesUrlAndCode()
    {
        await using var host = await SupervisorHost.StartAsync(RouterHost.Channels(Routes));
        await using var agent = await TestAgent.ConnectAsync(host, "node-r");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.AuthLoginPending, null,
                """{"login_id":"cmd_1","tool":"codex","status":"pending","verification_url":"https://auth.example.test/codex/device","user_code":"ABCD-1234"}"""),
            Ev.Make(2, EventTypes.AuthStatus, null, """{"tool":"claude-code","status":"unauthenticated","reason":"Not logged in","checked_at":"2026-11-25T12:00:00Z"}"""));

        var login = Assert.Single(await RouterHost.WaitForAlertsAsync(host, "login-code", 1));
        var loggedOut = Assert.Single(await RouterHost.WaitForAlertsAsync(host, "logged-out", 1));
        Assert.Equal("codex on node-r waits for a login: open https://auth.example.test/codex/device and enter ABCD-1234 (login cmd_1)", login.Alert.Text);
        Assert.Equal("webhook:ops", Assert.Single(login.Deliveries).Target);
        Assert.Equal("claude-code on node-r is not logged in: Not logged in", loggedOut.Alert.Text);
    }
}
