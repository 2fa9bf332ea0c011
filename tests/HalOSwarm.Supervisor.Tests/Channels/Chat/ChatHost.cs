using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary>
/// A supervisor with a <c>channels</c> section naming chat users of each role, a TestAgent as node <c>node-chat</c> with
/// session <c>ses_1</c> of project <c>alpha</c>, and callers as the platforms would pass them.
/// </summary>
internal sealed class ChatHost : IAsyncDisposable
{
    public const string AliceSlack = "U0ALICE01";
    public const string VictorSlack = "U0VICTOR1";
    public const string DoraDiscord = "123456789012345678";
    public const string OperatorsRole = "223456789012345678";

    private ChatHost(SupervisorHost host, TestAgent agent)
    {
        Host = host;
        Agent = agent;
    }

    public SupervisorHost Host { get; }

    public TestAgent Agent { get; }

    public IChatCommands Commands => Host.Service<IChatCommands>();

    /// <summary>alice, operator, on Slack.</summary>
    public static ChatCaller Alice => new("slack", AliceSlack, "alice.s", [], "C0OPS");

    /// <summary>victor, viewer, on Slack.</summary>
    public static ChatCaller Victor => new("slack", VictorSlack, "victor", [], "C0OPS");

    /// <summary>Someone not in channels.users, on Telegram.</summary>
    public static ChatCaller Stranger => new("telegram", "987654321", "mallory", [], "-100123");

    public static JsonObject Channels() => new()
    {
        ["discord"] = new JsonObject
        {
            ["bot_token"] = "your-discord-bot-token",
            ["roles"] = new JsonObject { [OperatorsRole] = "operator" },
        },
        ["users"] = new JsonArray
        {
            new JsonObject { ["name"] = "alice", ["role"] = "operator", ["slack"] = AliceSlack },
            new JsonObject { ["name"] = "victor", ["role"] = "viewer", ["slack"] = VictorSlack },
            new JsonObject { ["name"] = "dora", ["role"] = "admin", ["discord"] = DoraDiscord },
        },
    };

    public static async Task<ChatHost> StartAsync(Action<JsonObject>? configure = null)
    {
        var host = await SupervisorHost.StartAsync(c =>
        {
            c["channels"] = Channels();
            c["commands"] = new JsonObject { ["retry_backoff_ms"] = 50 };
            configure?.Invoke(c);
        });
        var agent = await TestAgent.ConnectAsync(host, "node-chat", sessions: [AgentCommands.Session("ses_1")]);
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetAsync("/api/v1/sessions/ses_1")).Status == 200, "session ses_1");
        return new ChatHost(host, agent);
    }

    /// <summary>The buttons' actions over <paramref name="book"/> and the host's services, as the chat core composes them.</summary>
    public IChatActions Actions(FakeAlertBook book) =>
        ActivatorUtilities.CreateInstance<ChatActions>(Host.App.Services, book);

    public Task<ChatReply> RunAsync(ChatCaller caller, string command, params string[] args) =>
        Commands.RunAsync(caller, command, args, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>The session's command the agent receives next, answered with success.</summary>
    public async Task<CommandRequest> AnswerNextCommandAsync(string? resultJson = null)
    {
        var command = await Agent.ReceiveCommandAsync();
        await Agent.ReplyAsync(command, resultJson);
        return command;
    }
}
