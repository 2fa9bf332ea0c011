using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Posts alerts to Discord channels (<c>discord:NAME</c>, NAME a key of <c>channels.discord.channels</c>) as an embed
/// with buttons, and edits them in place once answered. With <c>threads</c> on, a session's first alert in a channel
/// starts a thread from its message and later alerts of that session go into it; a channel that refuses threads keeps
/// them. The message reference is <c>CHANNEL_ID/MESSAGE_ID</c> (the thread's id for alerts posted in one).
/// </summary>
internal sealed partial class DiscordSender : IChannelSender
{
    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly DiscordThreads _threads;
    private readonly ILogger<DiscordSender> _logger;

    public DiscordSender(IOptions<ChannelsOptions> options, DiscordRestClient rest, DiscordThreads threads, ILogger<DiscordSender> logger)
    {
        _options = options.Value.Discord;
        _rest = rest;
        _threads = threads;
        _logger = logger;
    }

    public string Kind => ChannelKinds.Discord;

    /// <summary>Discord's buckets (honoured by the client) are the only pace.</summary>
    public TimeSpan MinInterval => TimeSpan.Zero;

    public bool Knows(string target) => _rest.Configured && _options.Channels.ContainsKey(target);

    public async Task<string?> PostAsync(string target, Alert alert, CancellationToken cancellationToken)
    {
        var channelId = Channel(target);
        var message = DiscordRender.Alert(alert);
        var session = alert.SessionId;
        if (_options.Threads && session is not null && !_threads.Refused(channelId)
            && await _threads.FindAsync(channelId, session, cancellationToken) is { } thread)
        {
            try
            {
                var inThread = await Call(() => _rest.CreateMessageAsync(thread, message, DiscordRetry.Throw, cancellationToken));
                return $"{thread}/{inThread}";
            }
            catch (ChannelDeliveryException exception) when (exception.Permanent)
            {
                // The thread is gone (deleted, locked): start a new one below.
                LogThreadGone(_logger, alert.AlertId, exception.Message);
            }
        }
        var messageId = await Call(() => _rest.CreateMessageAsync(channelId, message, DiscordRetry.Throw, cancellationToken));
        if (_options.Threads && session is not null && !_threads.Refused(channelId))
        {
            await StartThreadAsync(channelId, messageId, alert, session, cancellationToken);
        }
        return $"{channelId}/{messageId}";
    }

    public async Task UpdateAsync(string target, string messageRef, Alert alert, CancellationToken cancellationToken)
    {
        var slash = messageRef.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !DiscordChecks.IsSnowflake(messageRef[..slash]) || !DiscordChecks.IsSnowflake(messageRef[(slash + 1)..]))
        {
            throw new ChannelDeliveryException($"'{messageRef}' is not a Discord message reference (channel/message)", permanent: true);
        }
        var message = DiscordRender.Alert(alert);
        await Call(async () =>
        {
            await _rest.EditMessageAsync(messageRef[..slash], messageRef[(slash + 1)..], message, DiscordRetry.Throw, cancellationToken);
            return "";
        });
    }

    private async Task StartThreadAsync(string channelId, string messageId, Alert alert, string session, CancellationToken cancellationToken)
    {
        var name = DiscordRender.Cut(alert.Project is { Length: > 0 } project ? $"{project} · {session}" : $"session {session}", 100);
        try
        {
            var thread = await _rest.StartThreadAsync(channelId, messageId, name, cancellationToken);
            await _threads.RememberAsync(channelId, session, thread, cancellationToken);
        }
        catch (DiscordApiException exception) when (exception.Permanent)
        {
            // No thread permission, or a channel kind without threads: alerts stay in the channel.
            _threads.Refuse(channelId);
            LogThreadsRefused(_logger, channelId, exception.Message);
        }
        catch (DiscordApiException exception)
        {
            // Rate limited or Discord failing: the alert is posted; the next one of the session tries again.
            LogThreadsRefused(_logger, channelId, exception.Message);
        }
    }

    private string Channel(string target) =>
        _options.Channels.TryGetValue(target, out var id)
            ? id
            : throw new ChannelDeliveryException($"discord:{target} is not in channels.discord.channels", permanent: true);

    /// <summary>Discord's refusals as the outbox understands them: 429 → retry_after, 4xx → permanent, else transient.</summary>
    private static async Task<string> Call(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (DiscordApiException exception) when (exception.RetryAfter is { } after)
        {
            throw new ChannelDeliveryException(exception.Message, retryAfter: after);
        }
        catch (DiscordApiException exception)
        {
            throw new ChannelDeliveryException(exception.Message, permanent: exception.Permanent);
        }
    }
}
