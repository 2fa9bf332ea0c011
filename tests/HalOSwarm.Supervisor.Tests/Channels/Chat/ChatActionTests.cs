using System.Net.Http.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary>Alert buttons clicked from chat, against the composed supervisor: approvals answered in the agent, one click acting.</summary>
public sealed class ChatActionTests
{
    private const string Asked = """
        {"permission_id":"per_1","permission":"bash","tool":"bash","patterns":["rm -rf build"],"reason":"clean the build"}
        """;

    private static readonly ChatCaller s_dora = new("discord", ChatHost.DoraDiscord, "dora#1", [], "42");

    [Fact]
    public async Task Approve_PendingRequest_AgentGetsOnceAndSecondClickSaysWhoAnswered()
    {
        await using var chat = await ChatHost.StartAsync();
        var book = new FakeAlertBook();
        var alert = book.Add(await AlertOfPendingRequestAsync(chat));
        var actions = chat.Actions(book);

        var click = actions.ClickAsync(ChatHost.Alice, AlertButtonId.Format(AlertActions.Approve, alert.AlertId), CancellationToken.None);
        var reply = await chat.AnswerNextCommandAsync();
        var first = await click;
        var second = await actions.ClickAsync(s_dora, AlertButtonId.Format(AlertActions.Deny, alert.AlertId), CancellationToken.None);

        Assert.Equal((CommandTypes.PermissionReply, "per_1", "once"),
            (reply.Type, reply.Args.GetProperty("permission_id").GetString(), reply.Args.GetProperty("reply").GetString()));
        Assert.True(first.Acted);
        Assert.Equal("Approved once by alice (Slack).", first.Text);
        Assert.Equal(("approved once by alice (Slack)", "chat:slack:U0ALICE01", "Slack"),
            (first.Alert!.Answer!.Outcome, first.Alert.Answer.Actor, first.Alert.Answer.Platform));
        Assert.False(second.Acted);
        Assert.StartsWith("Already answered by alice from Slack at ", second.Text, StringComparison.Ordinal);
        Assert.EndsWith(": approved once by alice (Slack). Nothing was done.", second.Text, StringComparison.Ordinal);
        Assert.Single(book.Completed);
        var approval = await chat.Host.Service<ApprovalStore>().GetAsync(alert.ApprovalId!, CancellationToken.None);
        Assert.Equal((ApprovalStates.ApprovedOnce, "chat:slack:U0ALICE01"), (approval!.State, approval.AnsweredBy));
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=approval.approve"))[0];
        Assert.Equal("chat:slack:U0ALICE01", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Deny_PendingRequest_AgentGetsReject()
    {
        await using var chat = await ChatHost.StartAsync();
        var book = new FakeAlertBook();
        var alert = book.Add(await AlertOfPendingRequestAsync(chat));

        var click = chat.Actions(book).ClickAsync(s_dora, AlertButtonId.Format(AlertActions.Deny, alert.AlertId), CancellationToken.None);
        var reply = await chat.AnswerNextCommandAsync();
        var result = await click;

        Assert.Equal("reject", reply.Args.GetProperty("reply").GetString());
        Assert.Equal("Denied by dora (Discord).", result.Text);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=approval.deny"))[0];
        Assert.Equal("chat:discord:123456789012345678", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Approve_ByViewer_RefusedAuditedAndAlertStaysOpen()
    {
        await using var chat = await ChatHost.StartAsync();
        var book = new FakeAlertBook();
        var alert = book.Add(await AlertOfPendingRequestAsync(chat));

        var result = await chat.Actions(book).ClickAsync(ChatHost.Victor, AlertButtonId.Format(AlertActions.Approve, alert.AlertId), CancellationToken.None);

        Assert.False(result.Acted);
        Assert.StartsWith("You are not allowed to approve permission requests: that needs the operator role", result.Text, StringComparison.Ordinal);
        Assert.Null(result.Alert!.Answer);
        Assert.Empty(book.Completed);
        var entry = (await chat.Host.GetDataAsync("/api/v1/audit?action=chat.approve"))[0];
        Assert.Equal(("chat:slack:U0VICTOR1", "forbidden"), (entry.GetProperty("actor").GetString(), entry.GetProperty("result").GetString()));
        var approval = await chat.Host.Service<ApprovalStore>().GetAsync(alert.ApprovalId!, CancellationToken.None);
        Assert.Equal(ApprovalStates.Pending, approval!.State);
    }

    [Fact]
    public async Task Approve_AnsweredThroughTheApiFirst_SaysAnsweredElsewhereAndSendsNothingMore()
    {
        await using var chat = await ChatHost.StartAsync();
        var book = new FakeAlertBook();
        var alert = book.Add(await AlertOfPendingRequestAsync(chat));
        var api = chat.Host.Api.PostAsJsonAsync($"/api/v1/approvals/{alert.ApprovalId}/deny", new { });
        await chat.AnswerNextCommandAsync();
        (await api).Dispose();

        var result = await chat.Actions(book).ClickAsync(ChatHost.Alice, AlertButtonId.Format(AlertActions.Approve, alert.AlertId), CancellationToken.None);

        Assert.False(result.Acted);
        Assert.Equal("Answered elsewhere: rejected by api:admin.", result.Text);
        Assert.Equal("answered elsewhere: rejected by api:admin", Assert.Single(book.Completed).Outcome);
    }

    [Fact]
    public async Task Resume_OnAnIdleAlert_ResumesAndNamesTheClicker()
    {
        await using var chat = await ChatHost.StartAsync();
        var book = new FakeAlertBook();
        book.Add(Alert(9, approvalId: null));

        var click = chat.Actions(book).ClickAsync(s_dora, AlertButtonId.Format(AlertActions.Resume, 9), CancellationToken.None);
        var command = await chat.AnswerNextCommandAsync();
        var result = await click;

        Assert.Equal((CommandTypes.Prompt, "ses_1"), (command.Type, command.SessionId));
        Assert.Equal("Resumed by dora (Discord).", result.Text);
        Assert.False((await chat.Actions(book).ClickAsync(s_dora, "hal:launch:9", CancellationToken.None)).Acted);
        Assert.Null((await chat.Actions(book).ClickAsync(s_dora, AlertButtonId.Format(AlertActions.Kill, 10), CancellationToken.None)).Alert);
    }

    /// <summary>The agent asks for permission; once the supervisor holds the request pending, the alert the router would make of it.</summary>
    private static async Task<Alert> AlertOfPendingRequestAsync(ChatHost chat)
    {
        await chat.Agent.SendEventsAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_1", Asked));
        ApprovalDto? pending = null;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            var list = await chat.Host.Service<ApprovalStore>().ListAsync(ApprovalStates.Pending, "ses_1", 1, CancellationToken.None);
            pending = list.Count > 0 ? list[0] : null;
            return pending is not null;
        }, "the pending permission request");
        return Alert(7, pending!.ApprovalId);
    }

    private static Alert Alert(long id, string? approvalId) => new()
    {
        AlertId = id,
        Rule = "needs-input",
        EventType = EventTypes.SessionNeedsInput,
        Severity = AlertSeverities.Warning,
        Title = "ses_1 needs input",
        Text = "bash: rm -rf build",
        NodeId = "node-chat",
        SessionId = "ses_1",
        Project = "alpha",
        ApprovalId = approvalId,
    };
}
