using System.Globalization;
using HalOSwarm.Supervisor.Channels.State;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// The next update id to handle, kept in <c>channel_state</c> across restarts: written after each update is handled, so
/// a restart neither loses an update (it is asked for again) nor handles one twice (older ids are skipped). It never
/// goes back: a late write of an older one (a webhook update handled out of order) changes nothing.
/// </summary>
internal sealed class TelegramOffsetStore(ChannelStateStore state)
{
    public const string Key = "telegram.offset";

    /// <summary>0 when none is stored yet.</summary>
    public async Task<long> GetAsync(CancellationToken cancellationToken) =>
        long.TryParse(await state.GetAsync(Key, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    public Task SaveAsync(long offset, CancellationToken cancellationToken) => state.AdvanceAsync(Key, offset, cancellationToken);
}
