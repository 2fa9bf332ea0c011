using System.Diagnostics;

namespace HalOSwarm.Bench.Load;

/// <summary>N simulated agents against one supervisor: connect, pump, stop, drain, close, and totals.</summary>
internal sealed class Fleet : IAsyncDisposable
{
    private readonly List<SimAgent> _agents = [];
    private readonly List<Task> _pumps = [];
    private CancellationTokenSource? _pumpCts;

    public Fleet(string runId, string scenario, LoadProfile profile, long outboxCapacity = 0)
    {
        Profile = profile;
        var capacity = outboxCapacity > 0 ? outboxCapacity : Math.Max(4096, profile.Window * 8L);
        for (var i = 0; i < profile.Agents; i++)
        {
            var identity = new AgentIdentity($"bench-{runId}-{scenario}-{i:D4}", profile.SessionsPerAgent);
            _agents.Add(new SimAgent(identity, profile, capacity, AckLatency, CommandTurnaround, DurableLatency, CommandTimes));
        }
    }

    public LoadProfile Profile { get; }

    /// <summary>Frame sent → ack that covers it, over all agents.</summary>
    public Measure.LatencyHistogram AckLatency { get; } = new();

    /// <summary>An event's creation in the outbox → the ack that covers it (sampled per frame: its last event), over all agents.</summary>
    public Measure.LatencyHistogram DurableLatency { get; } = new();

    /// <summary>Command frame read → result sent, over all agents (the agents' own turnaround).</summary>
    public Measure.LatencyHistogram CommandTurnaround { get; } = new();

    /// <summary>When each command frame was read and answered, by command id (for the round trip's split).</summary>
    public CommandTimes CommandTimes { get; } = new();

    public IReadOnlyList<SimAgent> Agents => _agents;

    /// <summary>Connects every agent, <paramref name="parallel"/> handshakes at a time; returns how long it took.</summary>
    public Task<TimeSpan> ConnectAsync(Uri agentUrl, string token, int parallel, CancellationToken cancellationToken) =>
        ConnectAsync([agentUrl], token, parallel, cancellationToken);

    /// <summary>Connects agent i to <paramref name="agentUrls"/>[i mod n] (an even split over several supervisors).</summary>
    public async Task<TimeSpan> ConnectAsync(IReadOnlyList<Uri> agentUrls, string token, int parallel, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_agents.Select((agent, i) => (agent, url: agentUrls[i % agentUrls.Count])), options,
            async (pair, ct) => await pair.agent.ConnectAsync(pair.url, token, ct));
        return Stopwatch.GetElapsedTime(started);
    }

    public void StartPumps(bool generate)
    {
        _pumpCts = new CancellationTokenSource();
        var token = _pumpCts.Token;
        foreach (var agent in _agents)
        {
            _pumps.Add(Task.Run(() => agent.PumpAsync(generate, token), CancellationToken.None));
        }
    }

    /// <summary>Stops creating events and waits up to <paramref name="timeout"/> for everything created to be acknowledged.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var agent in _agents)
        {
            agent.StopGenerating();
        }
        var all = Task.WhenAll(_pumps);
        var finished = await Task.WhenAny(all, Task.Delay(timeout, cancellationToken)) == all;
        if (_pumpCts is { } cts)
        {
            await cts.CancelAsync();
            await all;
        }
        return finished && _agents.All(a => a.Acked >= a.Created);
    }

    public long TotalAcked => _agents.Sum(a => a.Acked - a.WelcomeDurableSeq);

    public long TotalCreated => _agents.Sum(a => a.Created);

    public long TotalReplays => _agents.Sum(a => a.Counters.Replays);

    public long TotalCommandsAnswered => _agents.Sum(a => a.Counters.CommandsAnswered);

    public long TotalHeartbeatsSent => _agents.Sum(a => a.Counters.HeartbeatsSent);

    public long TotalFramesSent => _agents.Sum(a => a.Counters.FramesSent);

    public long TotalOutboxFull => _agents.Sum(a => a.Counters.OutboxFullTicks);

    /// <summary>Agents whose connection ended while the bench still wanted it, with why.</summary>
    public IReadOnlyList<string> Disconnected =>
        [.. _agents.Where(a => a.CloseReason is { } r && r != "closed by bench").Select(a => $"{a.Identity.NodeId}: {a.CloseReason}")];

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_agents, options, async (agent, ct) => await agent.CloseAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (_pumpCts is { } cts)
        {
            await cts.CancelAsync();
            await Task.WhenAll(_pumps).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            cts.Dispose();
        }
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
    }
}
