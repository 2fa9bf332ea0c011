using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// One subscription of a client socket: moves the events of its <see cref="EventFeedReader"/> (what was stored after
/// <c>after_id</c>, then the live tail) that match its project into the connection's outbox, as <c>event</c> messages.
/// Dispose to stop it: after <see cref="DisposeAsync"/> returns, it queues nothing more.
/// </summary>
internal sealed class ClientSubscription : IAsyncDisposable
{
    private readonly string _id;
    private readonly EventFeedReader _reader;
    private readonly string? _project;
    private readonly SessionProjects _projects;
    private readonly ClientOutbox _outbox;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenRegistration _dropped;
    private Task _pump = Task.CompletedTask;

    public ClientSubscription(string id, EventFeedReader reader, ClientFilter filter, SessionProjects projects, ClientOutbox outbox, CancellationToken closing)
    {
        _id = id;
        _reader = reader;
        _project = filter.Project;
        _projects = projects;
        _outbox = outbox;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(closing);
        // Dropped by the broadcaster for falling behind: the client is too slow for its subscriptions, as with a full outbox.
        _dropped = reader.Dropped.Register(static state => ((ClientOutbox)state!).Overflow(), outbox);
    }

    public void Start() => _pump = PumpAsync(_stop.Token);

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _reader.WaitToReadAsync(cancellationToken))
            {
                while (_reader.TryRead(out var stored))
                {
                    if (_project is not null && (stored.SessionId is null
                        || await _projects.ProjectOfAsync(stored.SessionId, cancellationToken) != _project))
                    {
                        continue;
                    }
                    if (!_outbox.TryEnqueue(ClientMessages.Event(_id, stored)))
                    {
                        return; // the outbox is full: the connection is closing
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Unsubscribed, or the connection is closing.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _dropped.DisposeAsync();
        _reader.Dispose();
        _stop.Dispose();
    }
}
