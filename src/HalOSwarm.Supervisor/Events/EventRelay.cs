using System.Data.Common;
using System.Threading.Channels;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Live events across supervisors sharing a PostgreSQL database. Every writer commits its events in id order (the
/// <see cref="PostgresEventInserter"/>'s lock) and NOTIFYs <see cref="Channel"/> with the last id in the same
/// transaction. This relay is the only one that feeds this supervisor's <see cref="EventBroadcaster"/>: its own
/// writer's committed batches it passes on as they are; for ids it has not seen (another supervisor's, heard through the
/// notification) it reads the database first. Subscribers therefore get every event of the fleet, each once, in id
/// order, whichever supervisor stored it. Never blocks the writer: when its queue is full a batch is dropped and read
/// from the database instead once the next one (or the next notification) shows the gap.
/// </summary>
internal sealed partial class EventRelay(EventBroadcaster broadcaster, EventQueries queries, ILogger<EventRelay> logger)
    : BackgroundService, IEventPublisher
{
    /// <summary>The notification channel; the payload is the last id a committed transaction stored.</summary>
    public const string Channel = "hal_events";

    private const int PageSize = 1000;
    private static readonly EventFilter s_all = new(null, null, [], [], null, null);

    private readonly Channel<Notice> _notices = System.Threading.Channels.Channel.CreateBounded<Notice>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private long _published;

    /// <summary>The writer's events, just committed.</summary>
    public void Publish(IReadOnlyList<StoredEvent> events) => _notices.Writer.TryWrite(new Notice(events, events[^1].Id));

    /// <summary>A writer (maybe this one) committed events up to <paramref name="lastId"/>.</summary>
    public void Heard(long lastId) => _notices.Writer.TryWrite(new Notice(null, lastId));

    /// <summary>Notifications may have been missed (the listening connection broke): read whatever is stored now.</summary>
    public void Resync() => Heard(long.MaxValue);

    /// <summary>Reads a notification's payload; false for anything but a positive id.</summary>
    public static bool TryParse(string payload, out long lastId) =>
        long.TryParse(payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out lastId) && lastId > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What was stored before this supervisor started is not live; readers catch up on it from the database.
        _published = await RetryAsync(queries.MaxIdAsync, stoppingToken);
        await foreach (var notice in _notices.Reader.ReadAllAsync(stoppingToken))
        {
            await RetryAsync(async ct => { await RelayAsync(notice, ct); return 0L; }, stoppingToken);
        }
    }

    private async Task RelayAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (notice.UpTo <= _published)
        {
            return;
        }
        if (notice.Events is not { } events)
        {
            await CatchUpAsync(notice.UpTo, cancellationToken);
            return;
        }
        if (events[0].Id > _published + 1)
        {
            // someone else's commits (or a batch dropped here) came in between
            await CatchUpAsync(events[0].Id - 1, cancellationToken);
        }
        var fresh = events[0].Id > _published ? events : events.Where(e => e.Id > _published).ToArray();
        broadcaster.Publish(fresh);
        _published = events[^1].Id;
    }

    private async Task CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        while (_published < upTo)
        {
            var (page, hasMore) = await queries.ListAsync(s_all, descending: false, _published, PageSize, cancellationToken);
            var relayed = page.Where(e => e.Id <= upTo).ToArray();
            if (relayed.Length > 0)
            {
                broadcaster.Publish(relayed);
                _published = relayed[^1].Id;
            }
            if (!hasMore || relayed.Length < page.Count)
            {
                return;
            }
        }
    }

    private async Task<long> RetryAsync(Func<CancellationToken, Task<long>> work, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await work(stoppingToken);
            }
            catch (DbException ex)
            {
                LogReadFailed(logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private readonly record struct Notice(IReadOnlyList<StoredEvent>? Events, long UpTo);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "events.relay_failed",
        Message = "Reading other supervisors' events failed, trying again: {reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
