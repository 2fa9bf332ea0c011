using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// <c>GET /api/v1/events/stream</c>: Server-Sent Events. Reads one <see cref="EventFeedReader"/>: what the client missed
/// (after <c>Last-Event-ID</c> or <c>after_id</c>) from the database, then the live tail, skipping ids already sent.
/// Memory per stream is bounded: at most <c>server.sse_buffer_bytes</c> of events wait for a slow client (past that it
/// is dropped and reconnects with Last-Event-ID), and at most <see cref="SseWriter.FlushBytes"/> sit unflushed in the
/// response; a token may hold <c>server.sse_streams_per_token</c> streams at once.
/// </summary>
internal static class EventStream
{
    public static async Task StreamAsync(
        HttpContext context,
        EventFeed feed,
        LiveStreamLimiter limiter,
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
                query.Add("Last-Event-ID", "must be an event id");
            }
        }
        if (query.HasErrors)
        {
            await ApiErrors.Invalid(query.Errors).ExecuteAsync(context);
            return;
        }
        var server = options.Value;
        var tokenId = context.User.FindFirstValue(SupervisorClaims.TokenId) ?? "";
        using var slot = await limiter.AcquireOrRefuseAsync(context, server.SseStreamsPerToken);
        if (slot is null)
        {
            return;
        }
        using var reader = feed.Open(filter, afterId, server.SseBufferBytes);
        // A revoked token's streams end at once.
        var revoked = context.RequestServices.GetRequiredService<TokenStore>().RevocationOf(tokenId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping, reader.Dropped, revoked);
        var cancellationToken = linked.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var writer = new SseWriter(response);
        try
        {
            await response.StartAsync(cancellationToken);
            await response.BodyWriter.FlushAsync(cancellationToken); // headers now, not with the first event
            var keepAlive = TimeSpan.FromSeconds(server.SseKeepaliveSec);
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
                    break; // dropped for falling behind (or unsubscribed)
                }
                while (reader.TryRead(out var stored))
                {
                    writer.Write(stored);
                    if (writer.NeedsFlush)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }
                await writer.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, the supervisor is stopping, or the stream was dropped for falling behind.
        }
        if (reader.Dropped.IsCancellationRequested)
        {
            // A client that stopped reading holds the response's buffers: cut the connection, not just the loop.
            // It reconnects with Last-Event-ID and catches up from the database.
            context.Abort();
        }
    }

    /// <summary>
    /// Writes SSE records. No field ever carries a line break: the id is a number, the event name is written only when
    /// it is a plain name (types are checked at ingest; this is the second line of defence), and the data is compact JSON,
    /// whose strings escape every control character.
    /// </summary>
    private sealed class SseWriter(HttpResponse response) : IDisposable
    {
        /// <summary>Flush once this much was written since the last flush, so a slow client never has more waiting in the pipe.</summary>
        public const int FlushBytes = 64 * 1024;
        private readonly Utf8JsonWriter _json = new(response.BodyWriter);
        private long _unflushed;

        public bool NeedsFlush => _unflushed >= FlushBytes;

        public void Write(StoredEvent stored)
        {
            var pipe = response.BodyWriter;
            var head = IsPlainName(stored.Type)
                ? $"id: {stored.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {stored.Type}\ndata: "
                : $"id: {stored.Id.ToString(CultureInfo.InvariantCulture)}\ndata: ";
            pipe.Write(Encoding.UTF8.GetBytes(head));
            _json.Reset(pipe);
            StoredEventJsonConverter.WriteEvent(_json, stored);
            _json.Flush();
            pipe.Write("\n\n"u8);
            _unflushed += head.Length + _json.BytesCommitted + 2;
        }

        public async Task CommentAsync(string text, CancellationToken cancellationToken)
        {
            response.BodyWriter.Write(Encoding.UTF8.GetBytes($": {text}\n\n"));
            await FlushAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            _unflushed = 0;
            await response.BodyWriter.FlushAsync(cancellationToken);
        }

        public void Dispose() => _json.Dispose();

        private static bool IsPlainName(string type) =>
            type.Length is > 0 and <= 128 && type.All(c => c is > ' ' and <= '~' and not ':');
    }
}
