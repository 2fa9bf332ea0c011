using System.Text.Json;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// Keeps the search index up to date. It follows the stored events of the types that carry text through
/// <see cref="EventFeed"/> — the broadcaster live, the database for what it has not read yet (the history on its first
/// start, whatever was stored while it was stopped; its cursor is kept in <c>event_cursors</c> under
/// <see cref="Consumer"/>) — extracts their text off the writer's thread and stores each batch with the cursor in one
/// bulk-lane writer op. Ingest never waits for it: the agents' events are committed and acknowledged before the
/// indexer sees them, so a hit appears a moment after its event is stored (eventual consistency).
/// </summary>
internal sealed partial class SearchIndexer(
    EventFeed feed,
    ISearchCursor cursor,
    IStorageWriter writer,
    IOptions<SearchOptions> options,
    TimeProvider timeProvider,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    public const string Consumer = "search";

    /// <summary>Events taken from the feed per round (one writer op per round).</summary>
    public const int MaxBatch = 500;

    /// <summary>
    /// A small batch (live tailing) gathers what arrives for this long before it is written: under a heavy event rate
    /// the indexer writes a few larger batches a second instead of one per agent frame — fewer, cheaper FTS transactions
    /// beside ingest — at the price of this much delay before a hit can be found. No wait while catching up.
    /// </summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        try
        {
            var last = await cursor.GetAsync(stoppingToken);
            LogStarted(logger, last);
            var filter = new EventFilter(null, null, SearchTextExtractor.Types, SearchTextExtractor.Prefixes, null, null);
            var batch = new List<StoredEvent>(MaxBatch);
            while (!stoppingToken.IsCancellationRequested)
            {
                using (var reader = feed.Open(filter, last))
                {
                    while (await reader.WaitToReadAsync(stoppingToken))
                    {
                        batch.Clear();
                        Take(reader, batch);
                        if (batch.Count > 0 && batch.Count < MaxBatch / 2)
                        {
                            await GatherAsync(reader, batch, stoppingToken);
                        }
                        if (batch.Count == 0)
                        {
                            continue;
                        }
                        await IndexSafelyAsync(batch, stoppingToken);
                        last = batch[^1].Id;
                    }
                }
                LogResubscribing(logger, last);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static void Take(EventFeedReader reader, List<StoredEvent> batch)
    {
        while (batch.Count < MaxBatch && reader.TryRead(out var stored))
        {
            batch.Add(stored);
        }
    }

    /// <summary>
    /// Adds what arrives within <see cref="BatchWindow"/> to a small batch. It keeps reading meanwhile (events of other
    /// types are skipped as they come), so a heavy stream of deltas never piles up in the subscription until the
    /// broadcaster drops it.
    /// </summary>
    private async Task GatherAsync(EventFeedReader reader, List<StoredEvent> batch, CancellationToken cancellationToken)
    {
        using var window = new CancellationTokenSource(BatchWindow, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
        try
        {
            while (batch.Count < MaxBatch && await reader.WaitToReadAsync(linked.Token))
            {
                Take(reader, batch);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Indexes one batch: its documents and the cursor after its last event, in one writer op.</summary>
    public async Task IndexAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken)
    {
        var documents = new List<SearchDocument>(batch.Count);
        var maxChars = options.Value.MaxTextCharsPerEvent;
        foreach (var stored in batch)
        {
            try
            {
                if (SearchTextExtractor.Extract(stored, maxChars) is { } document)
                {
                    documents.Add(document);
                }
            }
            catch (JsonException ex)
            {
                LogUnreadable(logger, stored.Id, stored.Type, ex.Message);
            }
        }
        await writer.WriteAsync(new SearchIndexWrite(documents, batch[^1].Id), cancellationToken);
    }

    private async Task IndexSafelyAsync(List<StoredEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            await IndexAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, batch[0].Id, batch[^1].Id, ex.Message);
        }
    }
}
