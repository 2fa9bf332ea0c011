using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Channels.State;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Which thread holds a session's alerts in a channel (<c>channels.discord.threads</c>), and the channels that refused
/// a thread (then alerts stay in the channel). Kept in memory and in <c>channel_state</c> (key
/// <c>discord:thread:CHANNEL:SESSION</c>), so a restart keeps posting into the same thread.
/// </summary>
internal sealed class DiscordThreads(ChannelStateStore store)
{
    private readonly ConcurrentDictionary<string, string> _threads = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new();

    public static string Key(string channelId, string sessionId) => $"discord:thread:{channelId}:{sessionId}";

    public bool Refused(string channelId) => _refused.ContainsKey(channelId);

    public void Refuse(string channelId) => _refused[channelId] = true;

    public async Task<string?> FindAsync(string channelId, string sessionId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, sessionId);
        if (_threads.TryGetValue(key, out var thread))
        {
            return thread;
        }
        if (await store.GetAsync(key, cancellationToken) is { } stored)
        {
            _threads[key] = stored;
            return stored;
        }
        return null;
    }

    public async Task RememberAsync(string channelId, string sessionId, string threadId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, sessionId);
        _threads[key] = threadId;
        await store.SetAsync(key, threadId, cancellationToken);
    }
}
