using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Dependencies;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Supervisor.Tests.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static HalOSwarm.Supervisor.Tests.Policies.Sessions;

namespace HalOSwarm.Supervisor.Tests.Dependencies;

public sealed class DependencySchedulerTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.CreateAsync().GetAwaiter().GetResult();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly FakeSessionSource _sessions = new();
    private readonly FakeCommandService _commands = new();
    private readonly FakeSupervisorEvents _events = new();
    private readonly DependencyOptions _options = new()
    {
        ["api"] = new DependencyProjectOptions { DependsOn = ["schema", "auth"], Prompt = "Build the API" },
        ["docs"] = new DependencyProjectOptions { DependsOn = ["api"], AutoStart = false },
    };

    private async Task<DependencyScheduler> StartAsync()
    {
        var feed = new EventFeed(new EventBroadcaster(), new EventQueries(_db.Database), new OpenFeedReaders(), NullLogger<EventFeed>.Instance);
        var scheduler = new DependencyScheduler(Microsoft.Extensions.Options.Options.Create(_options), _sessions, new DependencyStore(_db.Database),
            new EventCursorStore(_db.Database, _time), feed, _commands, _events, _time, NullLogger<DependencyScheduler>.Instance);
        await scheduler.InitializeAsync(CancellationToken.None);
        return scheduler;
    }

    private static StoredEvent ProjectDone(long id, string project) =>
        new(id, "node-1", id, EventTypes.ProjectDone, null, T0, $$"""{"project":"{{project}}","source":"progress_file","detail":"Status: done"}""");

    [Fact]
    public async Task Milestones_LastDependencyDone_DependentStartedOnceWithEvent()
    {
        var scheduler = await StartAsync();

        await scheduler.HandleAsync(ProjectDone(1, "schema"), CancellationToken.None);
        Assert.Empty(_commands.Submissions);
        await scheduler.HandleAsync(ProjectDone(2, "auth"), CancellationToken.None);
        await scheduler.HandleAsync(ProjectDone(2, "auth"), CancellationToken.None);

        var start = Assert.Single(_commands.Submissions);
        Assert.Equal((CommandTypes.Start, "api", "policy:dependencies"), (start.Type, start.Project, start.Actor));
        Assert.Equal("Build the API", FakeCommandService.Text(start.Args, "prompt"));
        Assert.Equal("policy:dependencies:api:2", start.IdempotencyKey);
        var triggered = Assert.Single(_events.Of(EventTypes.DependencyTriggered));
        Assert.Equal("api", triggered.GetProperty("project").GetString());
        Assert.Equal(["schema", "auth"], triggered.GetProperty("depends_on").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("auth", triggered.GetProperty("milestone").GetString());
        Assert.True(triggered.GetProperty("started").GetBoolean());
        Assert.Equal("cmd_1", triggered.GetProperty("command_id").GetString());
    }

    [Fact]
    public async Task Restart_DoneStatePersisted_NoReTriggerAndLaterMilestoneStillCounts()
    {
        var scheduler = await StartAsync();
        await scheduler.HandleAsync(ProjectDone(1, "schema"), CancellationToken.None);
        await scheduler.HandleAsync(ProjectDone(2, "auth"), CancellationToken.None);

        var restarted = await StartAsync();
        await restarted.HandleAsync(ProjectDone(2, "auth"), CancellationToken.None);
        Assert.Single(_commands.Submissions);

        _sessions.Set(Idle("ses_api", project: "api") with { Status = SessionStatuses.Completed });
        await restarted.HandleAsync(new StoredEvent(3, "node-1", 3, EventTypes.SessionCompleted, "ses_api", T0, "{}"), CancellationToken.None);

        var docs = _events.Of(EventTypes.DependencyTriggered)[^1];
        Assert.Equal("docs", docs.GetProperty("project").GetString());
        Assert.False(docs.GetProperty("started").GetBoolean());
        Assert.False(docs.GetProperty("auto_start").GetBoolean());
        Assert.Equal("session.completed", docs.GetProperty("milestone_source").GetString());
        Assert.Single(_commands.Submissions);
    }

    [Fact]
    public async Task Milestone_DependentAlreadyHasLiveSession_NotStarted()
    {
        _sessions.Set(Running("ses_live", project: "api"));
        var scheduler = await StartAsync();

        await scheduler.HandleAsync(ProjectDone(1, "schema"), CancellationToken.None);
        await scheduler.HandleAsync(ProjectDone(2, "auth"), CancellationToken.None);

        Assert.Empty(_commands.Submissions);
        Assert.Contains("live session", _events.Of(EventTypes.DependencyTriggered)[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestone_ProjectOutsideTheGraph_Ignored()
    {
        var scheduler = await StartAsync();

        await scheduler.HandleAsync(ProjectDone(1, "elsewhere"), CancellationToken.None);

        Assert.Empty(_events.Recorded);
    }

    public void Dispose() => _db.Dispose();
}
