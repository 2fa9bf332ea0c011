using System.Threading.Channels;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Updates the webhook accepted and the receiver has not handled yet: the endpoint answers Telegram at once and the
/// receiver works through them in order. Bounded: when full the endpoint answers 503 and Telegram delivers again later.
/// </summary>
internal sealed class TelegramWebhookInbox
{
    public const int Capacity = 256;

    private readonly Channel<TelegramUpdate> _updates = Channel.CreateBounded<TelegramUpdate>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool TryAdd(TelegramUpdate update) => _updates.Writer.TryWrite(update);

    public IAsyncEnumerable<TelegramUpdate> ReadAllAsync(CancellationToken cancellationToken) => _updates.Reader.ReadAllAsync(cancellationToken);
}
