using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Tests.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Approvals;

public sealed class ApprovalFlowTests : IAsyncLifetime
{
    private const string Asked = """
        {"permission_id":"per_1","permission":"bash","tool":"bash","patterns":["echo hi > marker.txt"],"reason":"write marker"}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeCommandService _commands = new();
    private readonly FakeAuditLog _audit = new();
    private readonly FakeSupervisorEvents _events = new();
    private TestDatabase? _db;
    private ApprovalStore _store = null!;
    private ApprovalService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new ApprovalStore(_db.Database);
        _service = new ApprovalService(_store, _commands, _audit, _time, NullLogger<ApprovalService>.Instance);
    }

    public Task DisposeAsync()
    {
        _db?.Dispose();
        return Task.CompletedTask;
    }

    private ApprovalWatcher Watcher(params ApprovalRuleOptions[] rules)
    {
        var database = _db!.Database;
        return new ApprovalWatcher(new EventFeed(new EventBroadcaster(), new EventQueries(database), new OpenFeedReaders(), NullLogger<EventFeed>.Instance),
            new EventCursorStore(database, _time), _store, _service, new ApprovalRuleMatcher(Options.Create(new ApprovalsOptions { Rules = [.. rules] })), [],
            new SessionQueries(database), _events, _time, NullLogger<ApprovalWatcher>.Instance);
    }

    private static StoredEvent Event(long id, string type, string data) => new(id, "node-1", id, type, "ses_1", DateTimeOffset.UnixEpoch, data);

    [Fact]
    public async Task PermissionAsked_NoRule_PendingApprovalAndNeedsInput_OncePerRequest()
    {
        var watcher = Watcher();

        await watcher.HandleAsync(Event(1, EventTypes.PermissionAsked, Asked), CancellationToken.None);
        await watcher.HandleAsync(Event(2, EventTypes.PermissionAsked, Asked), CancellationToken.None);

        var approval = Assert.Single(await _store.ListAsync(null, "ses_1", 10, CancellationToken.None));
        Assert.Equal((ApprovalStates.Pending, "per_1", "bash"), (approval.State, approval.PermissionId, approval.Tool));
        Assert.Equal(["echo hi > marker.txt"], approval.Patterns);
        var needs = Assert.Single(_events.Of(EventTypes.SessionNeedsInput));
        Assert.Equal(approval.ApprovalId, needs.GetProperty("approval_id").GetString());
        Assert.Contains("echo hi > marker.txt", needs.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(_commands.Submissions);
    }

    [Fact]
    public async Task PermissionAsked_MatchingRule_AnsweredAutomaticallyAndAudited()
    {
        var watcher = Watcher(new ApprovalRuleOptions { Pattern = "echo *", Reply = "always" });

        await watcher.HandleAsync(Event(1, EventTypes.PermissionAsked, Asked), CancellationToken.None);

        var approval = Assert.Single(await _store.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Equal((ApprovalStates.AutoAlways, "always", "approvals.rules[0]"), (approval.State, approval.Reply, approval.Rule));
        var submission = Assert.Single(_commands.Submissions);
        Assert.Equal((CommandTypes.PermissionReply, "ses_1", ApprovalWatcher.RuleActor), (submission.Type, submission.SessionId, submission.Actor));
        Assert.Equal("per_1", FakeCommandService.Text(submission.Args, "permission_id"));
        Assert.Equal("always", FakeCommandService.Text(submission.Args, "reply"));
        Assert.Empty(_events.Of(EventTypes.SessionNeedsInput));
        Assert.Contains(_audit.Entries, e => e.Action == "approval.auto" && e.Target == approval.ApprovalId && e.Actor == ApprovalWatcher.RuleActor);
    }

    [Fact]
    public async Task Answer_Twice_SecondChangesNothing()
    {
        await Watcher().HandleAsync(Event(1, EventTypes.PermissionAsked, Asked), CancellationToken.None);
        var id = (await _store.ListAsync(null, null, 10, CancellationToken.None))[0].ApprovalId;

        var first = await _service.AnswerAsync(id, "reject", ApprovalStates.Rejected, "api:admin", "approval.deny", null, null, TimeSpan.Zero, CancellationToken.None);
        var second = await _service.AnswerAsync(id, "once", ApprovalStates.ApprovedOnce, "api:admin", "approval.approve", null, null, TimeSpan.Zero, CancellationToken.None);

        Assert.True(first.Answered);
        Assert.False(second.Answered);
        Assert.Equal(ApprovalStates.Rejected, second.Approval!.State);
        Assert.Single(_commands.Submissions);
        Assert.Equal(first.Command!.CommandId, (await _store.GetAsync(id, CancellationToken.None))!.CommandId);
    }

    [Fact]
    public async Task Expiry_AfterTimeout_AnswersWithDefaultReply()
    {
        await Watcher().HandleAsync(Event(1, EventTypes.PermissionAsked, Asked), CancellationToken.None);
        var expiry = new ApprovalExpiry(_store, _service, Options.Create(new ApprovalsOptions { TimeoutSec = 60 }), _time,
            NullLogger<ApprovalExpiry>.Instance);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await expiry.ExpireAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await expiry.ExpireAsync(CancellationToken.None));

        var approval = Assert.Single(await _store.ListAsync(ApprovalStates.Expired, null, 10, CancellationToken.None));
        Assert.Equal(("reject", ApprovalExpiry.Actor), (approval.Reply, approval.AnsweredBy));
        Assert.Equal("reject", FakeCommandService.Text(Assert.Single(_commands.Submissions).Args, "reply"));
        Assert.Equal(0, await expiry.ExpireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PermissionReplied_AtTheAgent_ClosesPendingApproval()
    {
        var watcher = Watcher();
        await watcher.HandleAsync(Event(1, EventTypes.PermissionAsked, Asked), CancellationToken.None);

        await watcher.HandleAsync(Event(2, EventTypes.PermissionReplied, """{"permission_id":"per_1","reply":"once"}"""), CancellationToken.None);

        var approval = Assert.Single(await _store.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Equal((ApprovalStates.AnsweredElsewhere, "once"), (approval.State, approval.Reply));
        Assert.Empty(_commands.Submissions);
    }
}
