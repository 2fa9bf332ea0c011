using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Api;

/// <summary>An open <c>text/event-stream</c> response, read one event at a time.</summary>
internal sealed class SseStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly Uri _supervisor;
    private readonly SseParser _parser = new();

    public SseStream(HttpResponseMessage response, Stream body, Uri supervisor)
    {
        _response = response;
        _reader = new StreamReader(body);
        _supervisor = supervisor;
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<SseEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw ApiErrors.FromTransport(_supervisor, ex as HttpRequestException ?? new HttpRequestException(ex.Message, ex));
            }
            if (line is null)
            {
                return null;
            }
            if (_parser.Feed(line) is { } sse)
            {
                return sse;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
