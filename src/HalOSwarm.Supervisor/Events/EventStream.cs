using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// <c>GET /api/v1/events/stream</c>: Server-Sent Events. Subscribes first, then sends what the client missed
/// (after <c>Last-Event-ID</c> or <c>after_id</c>) from the database, then the live tail, skipping ids already sent.
/// </summary>
internal static class EventStream
{
    private const int CatchUpPage = 500;

    public static async Task StreamAsync(
        HttpContext context,
        EventQueries queries,
        EventBroadcaster broadcaster,
        IOptions<ServerOptions> options,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider)
    {
        var query = new QueryReader(context.Request.Query);
        var filter = EventFilter.Read(query);
        var afterId = query.Long("after_id");
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0)
        {
            if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var header))
            {
                afterId = header;
            }
            else
            {
                query.Add("Last-Event-ID", $"must be an event id (was '{lastEventId}')");
            }
        }
        if (query.HasErrors)
        {
            await ApiErrors.Invalid(query.Errors).ExecuteAsync(context);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = linked.Token;
        var reader = broadcaster.Subscribe(out var subscription);
        using (subscription)
        {
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.StartAsync(cancellationToken);
            await response.BodyWriter.FlushAsync(cancellationToken); // headers now, not with the first event
            using var writer = new SseWriter(response);
            var lastSent = afterId ?? 0;
            try
            {
                if (afterId is not null)
                {
                    lastSent = await CatchUpAsync(queries, filter, writer, afterId.Value, cancellationToken);
                }
                var keepAlive = TimeSpan.FromSeconds(options.Value.SseKeepaliveSec);
                while (!cancellationToken.IsCancellationRequested)
                {
                    var wait = reader.WaitToReadAsync(cancellationToken).AsTask();
                    while (!wait.IsCompleted)
                    {
                        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        var delay = Task.Delay(keepAlive, timeProvider, delayCancel.Token);
                        if (await Task.WhenAny(wait, delay) == delay)
                        {
                            await writer.CommentAsync("keep-alive", cancellationToken);
                        }
                        else
                        {
                            await delayCancel.CancelAsync();
                        }
                    }
                    if (!await wait)
                    {
                        return;
                    }
                    while (reader.TryRead(out var stored))
                    {
                        if (stored.Id <= lastSent)
                        {
                            continue;
                        }
                        lastSent = stored.Id;
                        if (filter.Matches(stored))
                        {
                            writer.Write(stored);
                        }
                    }
                    await writer.FlushAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The client left or the supervisor is stopping.
            }
            catch (InvalidOperationException)
            {
                // This client fell behind the live tail; it reconnects with Last-Event-ID and catches up.
            }
        }
    }

    private static async Task<long> CatchUpAsync(EventQueries queries, EventFilter filter, SseWriter writer, long afterId, CancellationToken cancellationToken)
    {
        var last = afterId;
        while (true)
        {
            var (page, hasMore) = await queries.ListAsync(filter, descending: false, last, CatchUpPage, cancellationToken);
            foreach (var stored in page)
            {
                writer.Write(stored);
                last = stored.Id;
            }
            await writer.FlushAsync(cancellationToken);
            if (!hasMore)
            {
                return last;
            }
        }
    }

    private sealed class SseWriter(HttpResponse response) : IDisposable
    {
        private readonly Utf8JsonWriter _json = new(response.BodyWriter);

        public void Write(StoredEvent stored)
        {
            var pipe = response.BodyWriter;
            pipe.Write(Encoding.UTF8.GetBytes($"id: {stored.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {stored.Type}\ndata: "));
            _json.Reset(pipe);
            StoredEventJsonConverter.WriteEvent(_json, stored);
            _json.Flush();
            pipe.Write("\n\n"u8);
        }

        public async Task CommentAsync(string text, CancellationToken cancellationToken)
        {
            response.BodyWriter.Write(Encoding.UTF8.GetBytes($": {text}\n\n"));
            await FlushAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken) => await response.BodyWriter.FlushAsync(cancellationToken);

        public void Dispose() => _json.Dispose();
    }
}
