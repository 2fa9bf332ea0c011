using System.Globalization;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Telegram;
using static HalOSwarm.Supervisor.Tests.Channels.Telegram.TelegramTestConfig;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary>Commands from Telegram through the real chat core: its answers rendered, its refusals audited with the Telegram user as actor.</summary>
public sealed class TelegramChatCoreTests
{
    private static readonly FakeTelegramUser Bob = new(777, "bob", "Bob");

    [Fact]
    public async Task Commands_OperatorStatusAndViewersKill_StatusAnsweredKillRefusedAndAudited()
    {
        await using var fake = await FakeTelegram.StartAsync();
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            TelegramTestConfig.Channels(fake)(config);
            config["channels"]!["users"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "bob", ["role"] = "viewer", ["telegram"] = Bob.Id.ToString(CultureInfo.InvariantCulture),
            });
        });

        fake.SendUserMessage(OpsChat, Alice, "/status");
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply to /status");
        fake.SendUserMessage(OpsChat, Bob, "/kill s-1");
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 2), "the reply to bob's /kill");

        Assert.StartsWith("Status", fake.Sent[0].PlainText, StringComparison.Ordinal);
        Assert.Equal(["status", "logs", "inject", "kill"], fake.Commands.Select(c => c.Command).Where(c => c is "status" or "logs" or "inject" or "kill"));
        var refusal = fake.Sent[1].PlainText;
        Assert.Contains("You are not allowed to", refusal, StringComparison.Ordinal);
        Assert.Contains("you have viewer", refusal, StringComparison.Ordinal);
        var audit = (await host.GetDataAsync("/api/v1/audit")).ToString();
        Assert.Contains("chat:telegram:777", audit, StringComparison.Ordinal);
        Assert.Contains("forbidden", audit, StringComparison.Ordinal);
    }
}
