using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Telegram;

/// <summary>A Telegram user as the fake puts it in updates' <c>from</c>.</summary>
public sealed record FakeTelegramUser(long Id, string Username, string FirstName);

/// <summary>
/// A message the bot sent (sendMessage) or an edit of one (editMessageText): the HTML text as the bot sent it, the
/// visible text once Telegram parsed it, and the <c>reply_markup</c> (null: no keyboard).
/// </summary>
public sealed record FakeTelegramMessage(long ChatId, long MessageId, string Html, string PlainText, JsonNode? ReplyMarkup)
{
    /// <summary>The <c>callback_data</c> of every button of the inline keyboard, in order.</summary>
    public IReadOnlyList<string> CallbackData =>
        [.. Buttons.Select(b => b["callback_data"]?.GetValue<string>()).OfType<string>()];

    /// <summary>The <c>url</c> of every link button.</summary>
    public IReadOnlyList<string> Urls => [.. Buttons.Select(b => b["url"]?.GetValue<string>()).OfType<string>()];

    private IEnumerable<JsonNode> Buttons =>
        ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray()).OfType<JsonNode>() ?? [];
}

/// <summary>An answerCallbackQuery the bot made: the query's id and the text shown to the clicker.</summary>
public sealed record FakeTelegramCallbackAnswer(string CallbackQueryId, string? Text);

/// <summary>One request to the Bot API: the method, the HTTP status answered, and the JSON body it carried.</summary>
public sealed record FakeTelegramCall(string Method, int Status, JsonObject Body);
