using System.Net.ServerSentEvents;

namespace HalOSwarm.Ctl.Api;

/// <summary>An open <c>text/event-stream</c> response, read one event at a time by the platform's <see cref="SseParser"/>.</summary>
internal sealed class SseStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Uri _supervisor;
    private readonly SseParser<string> _parser;
    private IAsyncEnumerator<SseItem<string>>? _items;

    public SseStream(HttpResponseMessage response, Stream body, Uri supervisor)
    {
        _response = response;
        _body = body;
        _supervisor = supervisor;
        _parser = SseParser.Create(body);
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<SseItem<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        _items ??= _parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            return await _items.MoveNextAsync() ? _items.Current : null;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw ApiErrors.FromTransport(_supervisor, ex as HttpRequestException ?? new HttpRequestException(ex.Message, ex));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_items is not null)
        {
            await _items.DisposeAsync();
        }
        await _body.DisposeAsync();
        _response.Dispose();
    }
}
