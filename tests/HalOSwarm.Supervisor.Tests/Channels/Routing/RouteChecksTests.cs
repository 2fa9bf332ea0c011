using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Channels.Routing;

/// <summary><c>channels.routes</c> through <c>--validate</c>: every problem with its full key, all at once.</summary>
public sealed class RouteChecksTests
{
    private static async Task<(int Code, string Output, string Error)> ValidateAsync(string channels)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, $$"""{"server":{"auth_token":"0123456789abcdef0123"},"database":{"path":"x.db"},"channels":{{channels}}}""");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_BadRoutes_EveryProblemWithItsKey()
    {
        var (code, _, error) = await ValidateAsync("""
            {"webhooks": {"n8n": {"url": "https://n8n.example.test/hook"}},
             "routes": [
               {"name": "a", "match": "session.error", "where": ["project = alpha", "count >= 3 within forever"], "target": "webhook:n8n"},
               {"name": "b", "match": "Session Error", "target": "webhook:nope"},
               {"name": "a", "match": "policy.*", "target": "pager:ops", "throttle": "soon", "template": "{session} {secret}"},
               {"name": "c", "match": "node.offline", "where": ["idle_for > 5m"], "target": "webhook:n8n"}
             ]}
            """);

        Assert.Equal(2, code);
        Assert.Contains("channels.routes[0].where[0]: unknown operator '='", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[0].where[1]: 'count >= 3 within forever': expected count >= N within DURATION", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[1].match: 'Session Error'", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[1].target: 'nope' is not a name under channels.webhooks (known: n8n)", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[2].name: 'a' is the name of an earlier rule", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[2].target: 'pager:ops': expected discord:NAME", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[2].throttle: 'soon'", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[2].template: unknown placeholder {secret}; known: {type}, {session}, {node}, {project}", error, StringComparison.Ordinal);
        Assert.Contains("channels.routes[3].match: a rule with idle_for is checked by the idle sweep", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RouteToAPlatformWithAPlaceholderToken_ValidWithANote()
    {
        var (code, output, error) = await ValidateAsync("""
            {"discord": {"bot_token": "your-discord-bot-token", "guild_id": "your-guild-id", "channels": {"alerts": "channel-id-for-alerts"}},
             "routes": [{"match": "session.needs_input", "where": ["data.tool in bash,edit"], "targets": ["discord:alerts", "discord:elsewhere"]}]}
            """);

        Assert.True(code == 0, error);
        Assert.Contains("note: channels.routes[0].targets[0]: discord is not configured (no bot token)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("your-discord-bot-token", output + error, StringComparison.Ordinal);
    }
}
