using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>A <see cref="PolicyEngine"/> over fakes (sessions, commands, events) and a real migrated database for its state.</summary>
internal sealed class PolicyEngineHarness : IDisposable
{
    private readonly TestDatabase _db;

    private PolicyEngineHarness(TestDatabase db, PolicyOptions options)
    {
        _db = db;
        Options = options;
    }

    public PolicyOptions Options { get; }
    public FakeTimeProvider Time { get; } = new(Policies.Sessions.T0);
    public FakeSessionSource Sessions { get; } = new();
    public FakeCommandService Commands { get; } = new();
    public FakeSupervisorEvents Events { get; } = new();
    public PolicyEngine Engine { get; private set; } = null!;

    public static async Task<PolicyEngineHarness> StartAsync(Action<PolicyOptions> configure)
    {
        var options = new PolicyOptions();
        configure(options);
        var harness = new PolicyEngineHarness(await TestDatabase.CreateAsync(), options);
        await harness.RestartAsync();
        return harness;
    }

    /// <summary>A new engine on the same database, as after a supervisor restart.</summary>
    public async Task RestartAsync()
    {
        var store = new PolicyStateStore(_db.Database, Time);
        var executor = new PolicyExecutor(Sessions, store, Commands, Events, NullLogger<PolicyExecutor>.Instance);
        var feed = new EventFeed(new EventBroadcaster(), new EventQueries(_db.Database), new OpenFeedReaders(), NullLogger<EventFeed>.Instance);
        Engine = new PolicyEngine(Microsoft.Extensions.Options.Options.Create(Options), Sessions, store, new EventCursorStore(_db.Database, Time),
            feed, executor, Commands, Time, NullLogger<PolicyEngine>.Instance);
        await Engine.InitializeAsync(CancellationToken.None);
    }

    public async Task AdvanceAndTickAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Engine.TickAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Engine.Dispose();
        _db.Dispose();
    }
}
