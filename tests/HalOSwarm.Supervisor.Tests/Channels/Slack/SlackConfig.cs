using System.Text.Json.Nodes;
using HalOSwarm.Testing.FakeChat.Slack;
using Microsoft.Extensions.DependencyInjection;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>The <c>channels.slack</c> section of the Slack tests, pointed at a <see cref="FakeSlack"/>, and the chat stand-in.</summary>
internal static class SlackConfig
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string OpsChannel = "C0OPS00001";
    public const string UserId = "U0ALICE001";

    public static Action<JsonObject> Section(FakeSlack fake, string mode) => config =>
        config["channels"] = new JsonObject
        {
            ["slack"] = new JsonObject
            {
                ["bot_token"] = fake.BotToken,
                ["app_token"] = fake.AppToken,
                ["signing_secret"] = SigningSecret,
                ["mode"] = mode,
                ["api_base_url"] = fake.ApiBaseUrl,
                ["channels"] = new JsonObject { ["ops"] = OpsChannel, ["gone"] = "C0GONE0001" },
            },
        };

    public static Action<IServiceCollection> Chat(StubChat chat) => services =>
    {
        services.AddSingleton<IChatCommands>(chat);
        services.AddSingleton<IChatActions>(chat);
    };
}
