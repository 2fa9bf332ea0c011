using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.ToolAuth;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Tests.ToolAuth;

public sealed class ToolAuthReporterTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private sealed class Recorder : IEventRecorder
    {
        public List<PendingEvent> Events { get; } = [];

        public Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.FromResult<IReadOnlyList<AgentEvent>>([]);
        }

        public Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, RuntimeCursor cursor, CancellationToken cancellationToken) =>
            RecordAsync(events, cancellationToken);

        public Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken) => Task.FromResult(0L);
    }

    private static AuthStatusData Codex(string status, string reason, int minute) => new("codex", status, null, reason, s_t0.AddMinutes(minute));

    [Fact]
    public async Task Periodic_OnlyChangedToolsSent_OnDemandSendsAll()
    {
        var recorder = new Recorder();
        var reporter = new ToolAuthReporter(recorder);
        var claude = new AuthStatusData("claude-code", "authenticated", "claude.ai", "Logged in as user@example.com", s_t0);

        var first = await reporter.ReportAsync([Codex("unauthenticated", "Not logged in", 0), claude], onlyChanged: true, CancellationToken.None);
        var same = await reporter.ReportAsync([Codex("unauthenticated", "Not logged in", 1), claude with { CheckedAt = s_t0.AddMinutes(1) }],
            onlyChanged: true, CancellationToken.None);
        var changed = await reporter.ReportAsync([Codex("authenticated", "API key configured", 2), claude], onlyChanged: true, CancellationToken.None);
        var asked = await reporter.ReportAsync([Codex("authenticated", "API key configured", 3), claude], onlyChanged: false, CancellationToken.None);

        Assert.Equal((2, 0, 1, 2), (first, same, changed, asked));
        Assert.All(recorder.Events, e => Assert.Equal((EventTypes.AuthStatus, (string?)null), (e.Type, e.SessionId)));
        Assert.Equal("API key configured", recorder.Events[2].Data.GetProperty("reason").GetString());
    }
}
