using System.Globalization;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeChat.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary>The supervisor configured for the fake Telegram: one group chat <c>ops</c>, one listed user (alice).</summary>
internal static class TelegramTestConfig
{
    public const long OpsChat = -1001234567890;
    public const string WebhookSecret = "hook_Secret-0123456789";
    public const string WebhookUrl = "https://hal.test.invalid/api/v1/channels/telegram/webhook";

    public static readonly FakeTelegramUser Alice = new(424242, "alice", "Alice");
    public static readonly FakeTelegramUser Mallory = new(666, "mallory", "Mallory");

    public static Action<JsonObject> Channels(FakeTelegram fake, string mode = "polling") => config =>
    {
        var telegram = new JsonObject
        {
            ["bot_token"] = FakeTelegram.DefaultToken,
            ["api_base_url"] = fake.ApiBaseUrl,
            ["mode"] = mode,
            ["chats"] = new JsonObject { ["ops"] = OpsChat.ToString(CultureInfo.InvariantCulture) },
        };
        if (mode == "webhook")
        {
            telegram["webhook_secret"] = WebhookSecret;
            telegram["webhook_url"] = WebhookUrl;
        }
        config["channels"] = new JsonObject
        {
            ["telegram"] = telegram,
            ["users"] = new JsonArray(new JsonObject { ["name"] = "alice", ["role"] = "operator", ["telegram"] = Alice.Id.ToString(CultureInfo.InvariantCulture) }),
        };
    };

    public static Task<SupervisorHost> StartAsync(FakeTelegram fake, StubChat chat, string mode = "polling", TempDirectory? reuse = null) =>
        SupervisorHost.StartAsync(Channels(fake, mode), reuse, services: services =>
        {
            services.AddSingleton<IChatCommands>(chat);
            services.AddSingleton<IChatActions>(chat);
        });

    public static Alert IdleAlert(long alertId) => new()
    {
        AlertId = alertId,
        Rule = "idle",
        EventType = "session.idle",
        Severity = AlertSeverities.Warning,
        Title = "Session s-1 <alpha> idle for 10 min",
        Text = "Waiting for input & doing nothing.",
        Fields = [new AlertField("Session", "s-1"), new AlertField("Project", "alpha"), new AlertField("Node", "node-1")],
        SessionId = "s-1",
        Project = "alpha",
        NodeId = "node-1",
        Actions = [new AlertAction(AlertActions.Resume, "Resume", "primary"), new AlertAction(AlertActions.Kill, "Kill", "danger")],
        OpenUrl = "https://hal.test.invalid/sessions/s-1",
        At = DateTimeOffset.UtcNow,
    };
}
