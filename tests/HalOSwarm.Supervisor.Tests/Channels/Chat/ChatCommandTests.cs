using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Cost;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary>The chat commands as a platform calls them, against the composed supervisor and a TestAgent.</summary>
public sealed class ChatCommandTests
{
    [Fact]
    public async Task Status_SessionOnTheNode_ListedWithItsStatusAndNodes()
    {
        await using var chat = await ChatHost.StartAsync();

        var reply = await chat.RunAsync(ChatHost.Victor, "status");

        Assert.False(reply.Refused);
        Assert.Contains("1 idle", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nodes online: 1 of 1", reply.Text, StringComparison.Ordinal);
        var row = Assert.Single(reply.Preformatted!.Split('\n'), l => l.StartsWith("ses_1", StringComparison.Ordinal));
        Assert.Contains("alpha", row, StringComparison.Ordinal);
        Assert.Contains("node-chat", row, StringComparison.Ordinal);
        Assert.True((await chat.RunAsync(ChatHost.Victor, "status", "nowhere")).Refused);
    }

    [Fact]
    public async Task Logs_SessionEvents_ShownInWordsOldestFirstWithoutStreamedPieces()
    {
        await using var chat = await ChatHost.StartAsync();
        await chat.Agent.SendEventsAsync(
            Ev.Make(1, EventTypes.MessageCompleted, "ses_1", """{"message_id":"m1","role":"user","text":"fix the build"}"""),
            Ev.Make(2, EventTypes.MessageDelta, "ses_1", """{"message_id":"m2","text":"streamed piece"}"""),
            Ev.Make(3, EventTypes.ToolStarted, "ses_1", """{"call_id":"c1","tool":"bash","input":{"command":"dotnet build"}}"""),
            Ev.Make(4, EventTypes.ToolFinished, "ses_1", """{"call_id":"c1","tool":"bash","status":"error","error":"exit 1"}"""),
            Ev.Make(5, EventTypes.MessageCompleted, "ses_1", """{"message_id":"m2","role":"assistant","text":"The build\nfails."}"""));
        await chat.Agent.WaitForAckAsync(5);

        var all = await chat.RunAsync(ChatHost.Victor, "logs", "ses_1");
        var last2 = await chat.RunAsync(ChatHost.Victor, "logs", "ses_1", "2");

        Assert.Equal(
            ["12:00:01 user: fix the build", "12:00:03 ▶ bash: dotnet build", "12:00:04 ✗ bash (error): exit 1", "12:00:05 assistant: The build fails."],
            all.Preformatted!.Split('\n'));
        Assert.Equal(["12:00:04 ✗ bash (error): exit 1", "12:00:05 assistant: The build fails."], last2.Preformatted!.Split('\n'));
        Assert.Contains("ses_1", all.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_SecretInTranscript_MaskedInTheReply()
    {
        await using var chat = await ChatHost.StartAsync();
        await chat.Agent.SendEventsAsync(Ev.Make(1, EventTypes.MessageCompleted, "ses_1",
            $$"""{"message_id":"m1","role":"assistant","text":"curl -H 'Authorization: Bearer {{SupervisorHost.Token}}' /api/v1/nodes"}"""));
        await chat.Agent.WaitForAckAsync(1);

        var reply = await chat.RunAsync(ChatHost.Victor, "logs", "ses_1");

        Assert.Equal("12:00:01 assistant: curl -H 'Authorization: Bearer ***' /api/v1/nodes", reply.Preformatted);
    }

    [Fact]
    public async Task Logs_BadArguments_PoliteRefusalWithUsage()
    {
        await using var chat = await ChatHost.StartAsync();

        var missing = await chat.RunAsync(ChatHost.Victor, "logs");
        var tooMany = await chat.RunAsync(ChatHost.Victor, "logs", "ses_1", "99");
        var notNumber = await chat.RunAsync(ChatHost.Victor, "logs", "ses_1", "lots");
        var unknown = await chat.RunAsync(ChatHost.Victor, "logs", "ses_nope");
        var noCommand = await chat.RunAsync(ChatHost.Victor, "reboot");

        Assert.All([missing, tooMany, notNumber, unknown, noCommand], r => Assert.True(r.Refused));
        Assert.Equal("session is missing. Usage: /logs <session> [n] (The last lines of a session's transcript (default 20, at most 50)).", missing.Text);
        Assert.Contains("n must be 1-50 (was 99)", tooMany.Text, StringComparison.Ordinal);
        Assert.Contains("n: must be a whole number (was 'lots')", notNumber.Text, StringComparison.Ordinal);
        Assert.Equal("No session 'ses_nope'. /status lists the sessions.", unknown.Text);
        Assert.StartsWith("There is no command /reboot. The commands: /status, /nodes, /logs", noCommand.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostToday_UsageReported_TotalAndProjectRow()
    {
        await using var chat = await ChatHost.StartAsync();
        await chat.Agent.SendEventsAsync(
            UsageEvents.Created(1, "ses_1", "alpha"),
            UsageEvents.At(2, DateTimeOffset.UtcNow, "ses_1", "anthropic", "claude-x", 1.25m, input: 100, output: 20));
        await chat.Agent.WaitForAckAsync(2);

        var reply = await chat.RunAsync(ChatHost.Victor, "cost", "today");
        var week = await chat.RunAsync(ChatHost.Victor, "cost", "week");
        var bad = await chat.RunAsync(ChatHost.Victor, "cost", "decade");

        Assert.StartsWith("Today (", reply.Text, StringComparison.Ordinal);
        Assert.Contains("$1.25 metered; 1 messages, 120 tokens.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Preformatted!.Split('\n'), l => l.StartsWith("alpha", StringComparison.Ordinal) && l.Contains("$1.25", StringComparison.Ordinal));
        Assert.Contains("$1.25 metered", week.Text, StringComparison.Ordinal);
        Assert.True(bad.Refused);
    }

    [Fact]
    public async Task Kill_ByOperator_AgentKillsAndAuditNamesTheChatUser()
    {
        await using var chat = await ChatHost.StartAsync();

        var running = chat.RunAsync(ChatHost.Alice, "kill", "ses_1");
        var command = await chat.AnswerNextCommandAsync();
        var reply = await running;

        Assert.Equal((CommandTypes.Kill, "ses_1"), (command.Type, command.SessionId));
        Assert.False(reply.Refused);
        Assert.Equal("Killed ses_1, by alice (Slack).", reply.Text);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=command.kill"))[0];
        Assert.Equal(("chat:slack:U0ALICE01", "ses_1"), (entry.GetProperty("actor").GetString(), entry.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task Kill_ByViewer_RefusedAuditedAndNothingSent()
    {
        await using var chat = await ChatHost.StartAsync();

        var refused = await chat.RunAsync(ChatHost.Victor, "kill", "ses_1");
        // A later command by an operator is the first the agent gets: the viewer's kill never went out.
        var abort = chat.RunAsync(ChatHost.Alice, "abort", "ses_1");
        var first = await chat.AnswerNextCommandAsync("""{"aborted":true}""");
        await abort;

        Assert.True(refused.Refused);
        Assert.Equal("You are not allowed to run /kill (it acts on sessions): that needs the operator role, and you have viewer. Ask an admin if you need it.",
            refused.Text);
        Assert.Equal(CommandTypes.Abort, first.Type);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=chat.kill"))[0];
        Assert.Equal(("chat:slack:U0VICTOR1", "forbidden", "ses_1"),
            (entry.GetProperty("actor").GetString(), entry.GetProperty("result").GetString(), entry.GetProperty("target").GetString()));
        Assert.Equal(0, (await chat.Host.GetDataAsync("/api/v1/audit?action=command.kill")).GetArrayLength());
    }

    [Fact]
    public async Task Status_UnknownUser_RefusedPolitelyWithTheIdToAdd()
    {
        await using var chat = await ChatHost.StartAsync();

        var reply = await chat.RunAsync(ChatHost.Stranger, "status");

        Assert.True(reply.Refused);
        Assert.Null(reply.Preformatted);
        Assert.Equal("You are not allowed to use /status. Ask an admin to add your Telegram id 987654321 to channels.users.", reply.Text);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=chat.status"))[0];
        Assert.Equal(("chat:telegram:987654321", "forbidden"), (entry.GetProperty("actor").GetString(), entry.GetProperty("result").GetString()));
        Assert.Empty(await chat.Commands.SuggestSessionsAsync(ChatHost.Stranger, "ses", 10, CancellationToken.None));
        Assert.Equal(["ses_1"], await chat.Commands.SuggestSessionsAsync(ChatHost.Victor, "SES", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Start_DiscordMemberOfMappedRole_StartsAndSaysWhichSession()
    {
        await using var chat = await ChatHost.StartAsync();
        var member = new Supervisor.Channels.Chat.ChatCaller("discord", "323456789012345678", "erin", ["999", ChatHost.OperatorsRole], "42");

        var running = chat.RunAsync(member, "start", "alpha", "write", "the", "docs");
        var command = await chat.AnswerNextCommandAsync("""{"session_id":"ses_new"}""");
        var reply = await running;

        Assert.Equal((CommandTypes.Start, "alpha", "write the docs"), (command.Type, command.Project, command.Args.GetProperty("prompt").GetString()));
        Assert.Equal("Started session ses_new in alpha, by erin (Discord).", reply.Text);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=command.start"))[0];
        Assert.Equal("chat:discord:323456789012345678", entry.GetProperty("actor").GetString());
    }
}
