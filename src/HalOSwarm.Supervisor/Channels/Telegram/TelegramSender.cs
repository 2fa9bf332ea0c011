using System.Globalization;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Puts alerts in Telegram chats (<c>telegram:NAME</c>, NAME a key of <c>channels.telegram.chats</c>): sendMessage with
/// the HTML text and inline keyboard; the message ref is <c>CHAT_ID/MESSAGE_ID</c>, which an update edits in place
/// (editMessageText, without the keyboard once answered). A 429 becomes a <see cref="ChannelDeliveryException"/> with
/// Telegram's retry_after; a refusal that retrying cannot change (bad request, wrong token, the bot removed from the
/// chat) a permanent one.
/// </summary>
internal sealed class TelegramSender(TelegramBotApi api, IOptions<ChannelsOptions> options) : IChannelSender
{
    private readonly TelegramOptions _options = options.Value.Telegram;

    public string Kind => ChannelKinds.Telegram;

    /// <summary>Telegram allows about one message a second per chat.</summary>
    public TimeSpan MinInterval => TimeSpan.FromSeconds(1);

    public bool Knows(string target) => TelegramChecks.IsConfigured(_options) && ChatId(target) is not null;

    public async Task<string?> PostAsync(string target, Alert alert, CancellationToken cancellationToken)
    {
        var chatId = ChatId(target) ?? throw new ChannelDeliveryException($"telegram:{target} is not a chat of channels.telegram.chats", permanent: true);
        var message = await CallAsync(() => api.SendMessageAsync(TelegramRenderer.Alert(chatId, alert), cancellationToken));
        return string.Create(CultureInfo.InvariantCulture, $"{message.Chat.Id}/{message.MessageId}");
    }

    public async Task UpdateAsync(string target, string messageRef, Alert alert, CancellationToken cancellationToken)
    {
        if (!TryParseRef(messageRef, out var chatId, out var messageId))
        {
            throw new ChannelDeliveryException($"'{messageRef}' is not a Telegram message ref (CHAT_ID/MESSAGE_ID)", permanent: true);
        }
        await CallAsync(async () =>
        {
            await api.EditMessageTextAsync(TelegramRenderer.AlertEdit(chatId, messageId, alert), cancellationToken);
            return true;
        });
    }

    public static bool TryParseRef(string messageRef, out long chatId, out long messageId)
    {
        messageId = 0;
        var slash = messageRef.LastIndexOf('/');
        return TelegramChecks.TryParseChatId(slash > 0 ? messageRef[..slash] : null, out chatId)
            && long.TryParse(messageRef.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out messageId) && messageId > 0;
    }

    private long? ChatId(string target) =>
        _options.Chats.TryGetValue(target, out var id) && TelegramChecks.TryParseChatId(id, out var chatId) ? chatId : null;

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TelegramApiException ex) when (ex.RetryAfter is not null || ex.Permanent)
        {
            throw new ChannelDeliveryException(ex.Message, permanent: ex.RetryAfter is null && ex.Permanent, retryAfter: ex.RetryAfter);
        }
    }
}
