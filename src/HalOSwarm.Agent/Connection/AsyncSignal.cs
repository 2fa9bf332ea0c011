using System.Threading.Channels;

namespace HalOSwarm.Agent.Connection;

/// <summary>A wake-up flag for one waiter: any number of Set calls before a wait count as one.</summary>
internal sealed class AsyncSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Set() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
