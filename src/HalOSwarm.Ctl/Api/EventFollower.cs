using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>
/// Follows the SSE tail across dropped connections: reconnects with the last seen id so nothing is
/// missed or repeated. The first connection's failure is the caller's error; later ones are retried.
/// </summary>
internal sealed class EventFollower
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(2);

    private readonly SupervisorClient _client;
    private readonly TextWriter _notices;
    private readonly TimeProvider _time;

    public EventFollower(SupervisorClient client, TextWriter notices, TimeProvider time)
    {
        _client = client;
        _notices = notices;
        _time = time;
    }

    public async IAsyncEnumerable<RawEvent> FollowAsync(EventQuery query, long? afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterId;
        var connected = false;
        while (true)
        {
            SseStream stream;
            try
            {
                stream = await _client.OpenEventStreamAsync(query, last, cancellationToken);
            }
            catch (SupervisorException ex) when (connected && ex.Code is "unreachable" or "timeout")
            {
                await Task.Delay(s_retryDelay, _time, cancellationToken);
                continue;
            }
            connected = true;
            await using (stream)
            {
                while (await ReadAsync(stream, cancellationToken) is { } sse)
                {
                    if (Parse(sse) is not { } evt || (last is { } seen && evt.Value.Id <= seen))
                    {
                        continue;
                    }
                    last = evt.Value.Id;
                    yield return evt;
                }
            }
            _notices.WriteLine("halctl: event stream ended, reconnecting…");
            await Task.Delay(s_retryDelay, _time, cancellationToken);
        }
    }

    private static async Task<SseItem<string>?> ReadAsync(SseStream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(cancellationToken);
        }
        catch (SupervisorException ex) when (ex.Code == "unreachable")
        {
            return null;
        }
    }

    private static RawEvent? Parse(SseItem<string> sse)
    {
        try
        {
            using var document = JsonDocument.Parse(sse.Data);
            var json = document.RootElement.Clone();
            return json.Deserialize(CtlJsonContext.Default.EventDto) is { } value ? new RawEvent(value, json) : null;
        }
        catch (JsonException)
        {
            // Not an event (a future control message); the tail shows stored events only.
            return null;
        }
    }
}
