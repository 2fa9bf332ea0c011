using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// A live API subscriber (<c>GET /api/v1/events/stream</c>). For every <see cref="_sampleEvery"/>-th
/// event of one of the bench's nodes it records now − event <c>ts</c>: the event's creation time
/// in the simulated agent, stamped by this same process, so both ends read one clock.
/// </summary>
internal sealed class SseSubscriber : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly byte[] _nodePrefix;
    private readonly int _sampleEvery;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private long _received;

    public SseSubscriber(HttpClient http, string nodePrefix, int sampleEvery)
    {
        _http = http;
        _nodePrefix = System.Text.Encoding.UTF8.GetBytes(nodePrefix);
        _sampleEvery = Math.Max(1, sampleEvery);
    }

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Events of the bench's nodes seen on the stream.</summary>
    public long Received => Interlocked.Read(ref _received);

    public string? Error { get; private set; }

    /// <summary>Sends the request. Headers may come only with the first event, so <see cref="WaitConnectedAsync"/> is separate.</summary>
    public void Start() => _loop = RunAsync(_cts.Token);

    public async Task WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _connected.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Error ??= $"no response headers on the event stream within {timeout.TotalSeconds:0} s";
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/events/stream");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            _connected.TrySetResult();
            long items = 0;
            var parser = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken), (_, data) => Measure(data, ++items % _sampleEvery == 0));
            await foreach (var _ in parser.EnumerateAsync(cancellationToken))
            {
            }
            Error ??= "the supervisor ended the event stream (a subscriber that falls behind is cut off)";
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            Error = ex.Message;
            _connected.TrySetException(ex);
        }
    }

    private bool Measure(ReadOnlySpan<byte> json, bool sample)
    {
        var now = DateTime.UtcNow.Ticks;
        var reader = new Utf8JsonReader(json);
        bool? ours = null;
        long? ts = null;
        while (reader.Read() && (ours is null || ts is null))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }
            if (reader.ValueTextEquals("node_id"u8))
            {
                reader.Read();
                ours = !reader.HasValueSequence && reader.TokenType == JsonTokenType.String && reader.ValueSpan.StartsWith(_nodePrefix);
                if (ours == false)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                ts = reader.GetDateTimeOffset().UtcTicks;
            }
            else
            {
                reader.Read();
                reader.TrySkip();
            }
        }
        if (ours == true && ts is { } created)
        {
            Interlocked.Increment(ref _received);
            if (sample)
            {
                Latency.RecordMicros((now - created) / TimeSpan.TicksPerMicrosecond);
            }
            return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
    }
}
