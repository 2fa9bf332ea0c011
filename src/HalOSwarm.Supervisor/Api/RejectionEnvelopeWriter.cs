using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// Kestrel refuses some requests before any application code sees them (a path with an encoded NUL, a malformed request
/// line or header, one too long): it answers <c>4xx</c> with an empty body and closes. On the HTTP port this writer sits
/// under Kestrel's output and gives exactly those answers the API's JSON error envelope, so every refusal reads the same.
/// It recognises them by their fixed form (<c>Content-Length: 0</c> then <c>Connection: close</c> straight after the
/// status line, and nothing after the head); every other byte passes through unchanged, at the next flush.
/// </summary>
internal sealed class RejectionEnvelopeWriter(PipeWriter inner) : PipeWriter
{
    private const int ShrinkAbove = 256 * 1024;
    private static readonly byte[] s_prefix = "HTTP/1.1 4"u8.ToArray();
    private static readonly byte[] s_emptyAndClose = "\r\nContent-Length: 0\r\nConnection: close\r\n"u8.ToArray();
    private ArrayBufferWriter<byte> _buffer = new(4096);

    public static IDuplexPipe Wrap(IDuplexPipe transport) => new Duplex(transport.Input, new RejectionEnvelopeWriter(transport.Output));

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _buffer.WrittenCount;

    public override void Advance(int bytes) => _buffer.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Drain();
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Drain();
        await inner.CompleteAsync(exception);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Drain();
        return inner.FlushAsync(cancellationToken);
    }

    private void Drain()
    {
        var written = _buffer.WrittenSpan;
        if (written.Length > 0)
        {
            if (IsBareRejection(written, out var statusLine))
            {
                inner.Write(Envelope(statusLine));
            }
            else
            {
                inner.Write(written);
            }
        }
        _buffer = _buffer.Capacity > ShrinkAbove ? new ArrayBufferWriter<byte>(4096) : _buffer;
        _buffer.ResetWrittenCount();
    }

    private static bool IsBareRejection(ReadOnlySpan<byte> written, out ReadOnlySpan<byte> statusLine)
    {
        statusLine = default;
        if (written.Length > 1024 || !written.StartsWith(s_prefix) || !written.EndsWith("\r\n\r\n"u8))
        {
            return false;
        }
        var lineEnd = written.IndexOf("\r\n"u8);
        if (!written[lineEnd..].StartsWith(s_emptyAndClose))
        {
            return false;
        }
        statusLine = written[..lineEnd];
        return true;
    }

    private static byte[] Envelope(ReadOnlySpan<byte> statusLine)
    {
        var status = Encoding.ASCII.GetString(statusLine);
        var code = status.Length >= 12 ? status[9..12] : "400";
        var body = code switch
        {
            "431" => """{"error":"the request headers are too large","code":"invalid_request"}""",
            "414" => """{"error":"the request line is too long","code":"invalid_request"}""",
            _ => """{"error":"the request could not be read: a malformed request line, path (such as an encoded NUL) or header","code":"invalid_request"}""",
        };
        return Encoding.ASCII.GetBytes(
            $"{status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
