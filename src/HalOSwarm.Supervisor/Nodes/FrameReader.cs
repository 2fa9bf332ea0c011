using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace HalOSwarm.Supervisor.Nodes;

internal enum FrameKind
{
    Text,
    Binary,
    Close,
    TooBig,
}

/// <summary>Reads one whole WebSocket message into a reused buffer, stopping as soon as it passes the size limit.</summary>
internal static class FrameReader
{
    // Pooled: a connection reads one frame after another and awaits each read once, so the state machine's box is reused
    // instead of allocated per frame.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<FrameKind> ReadAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, int maxBytes, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var result = await socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return FrameKind.Close;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > maxBytes)
            {
                return FrameKind.TooBig;
            }
            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Binary ? FrameKind.Binary : FrameKind.Text;
            }
        }
    }
}
