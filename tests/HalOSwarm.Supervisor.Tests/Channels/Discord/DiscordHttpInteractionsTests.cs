using System.Net;
using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Discord;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>The HTTP interactions endpoint (<c>mode: http</c>): Discord's Ed25519 signature or 401, PING → PONG, commands answered in the response.</summary>
public sealed class DiscordHttpInteractionsTests
{
    [Fact]
    public async Task Interactions_BadOrMissingSignature_Unauthorized()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, mode: "http");
        using var http = new HttpClient();
        var body = FakeDiscordInteractions.SlashCommand("status").ToJsonString();
        var other = new FakeDiscordSigner();

        using var forged = await http.SendAsync(discord.Signer.SignedPost(Url(host), body, signature: other.Sign("1700000000", body)));
        using var unsigned = await http.PostAsync(Url(host), new StringContent(body));
        using var tampered = discord.Signer.SignedPost(Url(host), body);
        tampered.Content = new StringContent(body.Replace("status", "statux", StringComparison.Ordinal));
        using var changed = await http.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
        Assert.DoesNotContain(FakeDiscordServer.BotToken, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_SignedPing_Pong()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, mode: "http");
        using var http = new HttpClient();

        using var response = await http.SendAsync(discord.Signer.SignedPost(Url(host), FakeDiscordInteractions.Ping().ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Interactions_SignedSlashCommand_AnsweredInTheResponse()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, mode: "http");
        using var http = new HttpClient();
        var command = FakeDiscordInteractions.SlashCommand("logs", new Dictionary<string, object> { ["session"] = "ses_abc1", ["n"] = 20 });

        using var response = await http.SendAsync(discord.Signer.SignedPost(Url(host), command.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal($"ran logs \\[ses\\_abc1,20\\] for chat:discord:{FakeDiscordInteractions.AliceId}",
            answer.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(discord.Gateway.Frames);
    }

    [Fact]
    public async Task Interactions_SignedButMalformed_BadRequest()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestSetup.StartAsync(discord, mode: "http");
        using var http = new HttpClient();

        using var notJson = await http.SendAsync(discord.Signer.SignedPost(Url(host), "{not json"));
        using var noUser = await http.SendAsync(discord.Signer.SignedPost(Url(host), """{"id":"1400000000000000009","type":2,"token":"abc","data":{"name":"status"}}"""));
        using var tooBig = await http.SendAsync(discord.Signer.SignedPost(Url(host), new string(' ', 70_000) + "{}"));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUser.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    private static Uri Url(SupervisorHost host) => new($"http://127.0.0.1:{host.HttpPort}/api/v1/channels/discord/interactions");
}
