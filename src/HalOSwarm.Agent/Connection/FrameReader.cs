using System.Buffers;
using System.Net.WebSockets;

namespace HalOSwarm.Agent.Connection;

/// <summary>Reads whole text frames from a WebSocket.</summary>
internal static class FrameReader
{
    public const int MaxIncomingBytes = 16 * 1024 * 1024;

    /// <summary>The next whole frame, or null when the peer closed.</summary>
    public static async Task<byte[]?> ReadAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxIncomingBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"incoming frame larger than {MaxIncomingBytes} bytes");
            }
            if (result.EndOfMessage)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }
}
