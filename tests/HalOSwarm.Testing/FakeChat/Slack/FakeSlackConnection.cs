using System.Net.WebSockets;
using System.Text;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>One Socket Mode WebSocket the fake accepted: sends are serialized; <see cref="Closed"/> completes when it ends.</summary>
internal sealed class FakeSlackConnection(int number, WebSocket socket)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public int Number { get; } = number;

    public WebSocket Socket { get; } = socket;

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }
}
