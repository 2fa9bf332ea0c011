namespace HalOSwarm.Supervisor.Channels.Telegram;

// The bodies of the Bot API methods the supervisor calls (JSON, snake_case; null fields are left out). Kept together:
// they are one wire shape.

internal sealed record GetUpdatesRequest(long? Offset, int Timeout, IReadOnlyList<string> AllowedUpdates);

internal sealed record SendMessageRequest(long ChatId, string Text, string ParseMode, TelegramInlineKeyboard? ReplyMarkup, TelegramLinkPreview? LinkPreviewOptions);

internal sealed record EditMessageTextRequest(long ChatId, long MessageId, string Text, string ParseMode, TelegramInlineKeyboard? ReplyMarkup, TelegramLinkPreview? LinkPreviewOptions);

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text);

internal sealed record SetMyCommandsRequest(IReadOnlyList<TelegramBotCommand> Commands);

internal sealed record SetWebhookRequest(string Url, string SecretToken, IReadOnlyList<string> AllowedUpdates);

internal sealed record DeleteWebhookRequest(bool DropPendingUpdates);

internal sealed record EmptyRequest;

internal sealed record TelegramBotCommand(string Command, string Description);

internal sealed record TelegramLinkPreview(bool IsDisabled);

/// <summary><c>reply_markup</c>: rows of buttons.</summary>
internal sealed record TelegramInlineKeyboard(IReadOnlyList<IReadOnlyList<TelegramInlineButton>> InlineKeyboard);

/// <summary>A button: exactly one of <see cref="CallbackData"/> (1-64 bytes, sent back in a callback query) and <see cref="Url"/>.</summary>
internal sealed record TelegramInlineButton(string Text, string? CallbackData = null, string? Url = null);
