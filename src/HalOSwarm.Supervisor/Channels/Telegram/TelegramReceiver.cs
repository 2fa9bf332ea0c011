using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Telegram's receiving side. At start it learns the bot's username (getMe), registers the command menu (setMyCommands
/// from <see cref="IChatCommands.Commands"/>) and either deletes any webhook and long-polls <c>getUpdates</c>
/// (<c>mode: polling</c>: offset = last update id + 1, 25 s holds, only messages and callback queries) or registers
/// the webhook with its secret and works through what <see cref="TelegramWebhook"/> queued (<c>mode: webhook</c>). The
/// next update id is stored after each update (<see cref="TelegramOffsetStore"/>), so a restart neither loses nor
/// repeats one. Failures back off from 1 s to a minute (a 429 waits its retry_after); the state is reported as a
/// <see cref="ChannelStatus"/>.
/// </summary>
internal sealed partial class TelegramReceiver(
    TelegramBotApi api,
    TelegramUpdateHandler handler,
    TelegramOffsetStore offsets,
    TelegramWebhookInbox inbox,
    IOptions<ChannelsOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramReceiver> logger) : BackgroundService, IChannelStatusSource
{
    public const int PollTimeoutSeconds = 25;

    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(60);

    private readonly TelegramOptions _options = options.Value.Telegram;
    private volatile ChannelStatus _status = new(ChannelKinds.Telegram, "not_configured", options.Value.Telegram.Mode, null, null);
    private TimeSpan _backoff = s_firstBackoff;
    private long _offset;

    public ChannelStatus Status => _status;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TelegramChecks.IsConfigured(_options))
        {
            return;
        }
        SetStatus("connecting", null);
        try
        {
            await SetUpAsync(stoppingToken);
            _offset = await offsets.GetAsync(stoppingToken);
            if (_options.Mode == TelegramModes.Webhook)
            {
                await ServeWebhookAsync(stoppingToken);
            }
            else
            {
                await PollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Retries until Telegram accepted the set-up: without it neither mode receives anything.</summary>
    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var me = await api.GetMeAsync(cancellationToken);
                handler.BotUsername = me?.Username;
                var menu = handler.Commands?.Commands
                    .Select(c => new TelegramBotCommand(c.Name, Describe(c.Description)))
                    .ToList() ?? [];
                await api.SetMyCommandsAsync(menu, cancellationToken);
                if (_options.Mode == TelegramModes.Webhook)
                {
                    await api.SetWebhookAsync(_options.WebhookUrl, _options.WebhookSecret, cancellationToken);
                }
                else
                {
                    await api.DeleteWebhookAsync(cancellationToken);
                }
                LogReady(logger, me?.Username ?? "?", _options.Mode, menu.Count);
                _backoff = s_firstBackoff;
                return;
            }
            catch (TelegramApiException ex)
            {
                await FailedAsync("set-up", ex, cancellationToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<TelegramUpdate> updates;
            try
            {
                updates = await api.GetUpdatesAsync(_offset, PollTimeoutSeconds, cancellationToken);
            }
            catch (TelegramApiException ex)
            {
                await FailedAsync("getUpdates", ex, cancellationToken);
                continue;
            }
            SetStatus("connected", null);
            _backoff = s_firstBackoff;
            foreach (var update in updates.OrderBy(u => u.UpdateId))
            {
                await HandleAsync(update, cancellationToken);
            }
        }
    }

    private async Task ServeWebhookAsync(CancellationToken cancellationToken)
    {
        SetStatus("connected", null);
        await foreach (var update in inbox.ReadAllAsync(cancellationToken))
        {
            await HandleAsync(update, cancellationToken);
        }
    }

    /// <summary>Handles one update once: ids below the stored offset were handled before (Telegram delivered again).</summary>
    private async Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        if (update.UpdateId < _offset)
        {
            LogSkipped(logger, update.UpdateId);
            return;
        }
        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One update that cannot be answered (the chat is gone, Telegram refused the reply) must not stop the rest.
            LogUpdateFailed(logger, update.UpdateId, TelegramBotApi.Scrub(ex.Message, _options.BotToken));
        }
        _offset = update.UpdateId + 1;
        await offsets.SaveAsync(_offset, cancellationToken);
    }

    private async Task FailedAsync(string what, TelegramApiException ex, CancellationToken cancellationToken)
    {
        var wait = ex.RetryAfter ?? _backoff;
        _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, s_maxBackoff.Ticks));
        SetStatus("degraded", ex.Message);
        LogFailed(logger, what, ex.Message, wait.TotalSeconds);
        await Task.Delay(wait, timeProvider, cancellationToken);
    }

    private void SetStatus(string state, string? detail)
    {
        var current = _status;
        if (current.State != state || current.Detail != detail)
        {
            _status = new ChannelStatus(ChannelKinds.Telegram, state, _options.Mode, detail, timeProvider.GetUtcNow());
        }
    }

    /// <summary>Telegram wants 1-256 characters of description.</summary>
    private static string Describe(string description) =>
        description.Length == 0 ? "-" : description.Length <= 256 ? description : description[..255] + "…";
}
