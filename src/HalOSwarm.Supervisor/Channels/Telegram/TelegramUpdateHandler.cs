using System.Globalization;
using HalOSwarm.Supervisor.Channels.Chat;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Acts on one update, whichever way it came (long polling or the webhook): a message starting with <c>/</c> runs a
/// chat command and the reply is sent to the same chat; a callback query (a button click) runs the button's action,
/// is answered within seconds with the short outcome, and its message is edited to show the alert as it is now.
/// Served are the chats named in <c>channels.telegram.chats</c> and the private chats of users listed in
/// <c>channels.users[].telegram</c>; a stranger's private chat gets a polite refusal, any other chat is ignored.
/// </summary>
internal sealed partial class TelegramUpdateHandler(
    TelegramBotApi api,
    IOptions<ChannelsOptions> options,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<TelegramUpdateHandler> logger)
{
    public const string Platform = "telegram";
    public const string StrangerReply = "You are not on this supervisor's list of chat users; ask its admin to add your Telegram user id.";
    public const string NotServedReply = "This chat is not served by this supervisor.";
    private const int MaxCallbackAnswer = 200;
    private const int MaxSendAttempts = 3;

    private static readonly TimeSpan s_maxRetryWait = TimeSpan.FromSeconds(60);

    // Resolved on first use: the chat core's actions need the outbox's alert book, which is built after the receivers.
    private readonly Lazy<IChatCommands?> _commands = new(services.GetService<IChatCommands>);
    private readonly Lazy<IChatActions?> _actions = new(services.GetService<IChatActions>);

    /// <summary>The chat commands (for the menu registered at start); null without a chat core.</summary>
    public IChatCommands? Commands => _commands.Value;

    /// <summary>The bot's username (from getMe); commands addressed to another bot (<c>/status@other_bot</c>) are left alone.</summary>
    public string? BotUsername { get; set; }

    public async Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await HandleMessageAsync(message, cancellationToken);
        }
        else if (update.CallbackQuery is { } callback)
        {
            await HandleCallbackAsync(callback, cancellationToken);
        }
    }

    private async Task HandleMessageAsync(TelegramMessage message, CancellationToken cancellationToken)
    {
        if (message.From is not { IsBot: false } from || Commands is not { } commands
            || TelegramCommandLine.Parse(message.Text, commands.Commands) is not { } line
            || (line.Bot is not null && BotUsername is not null && !string.Equals(line.Bot, BotUsername, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        var chat = message.Chat;
        if (!Serves(chat, from.Id))
        {
            if (chat.Type == "private")
            {
                LogStranger(logger, from.Id);
                await SendAsync(new SendMessageRequest(chat.Id, TelegramText.Escape(StrangerReply), TelegramRenderer.ParseMode, null, null), cancellationToken);
            }
            return;
        }
        var caller = Caller(from, chat.Id);
        var reply = await commands.RunAsync(caller, line.Command, line.Args, cancellationToken);
        LogCommand(logger, line.Command, from.Id, chat.Id, reply.Refused);
        await SendAsync(TelegramRenderer.Reply(chat.Id, reply), cancellationToken);
    }

    private async Task HandleCallbackAsync(TelegramCallbackQuery callback, CancellationToken cancellationToken)
    {
        if (callback.Message is not { } message || !Serves(message.Chat, callback.From.Id) || _actions.Value is not { } actions)
        {
            await api.AnswerCallbackQueryAsync(callback.Id, NotServedReply, cancellationToken);
            return;
        }
        var result = await actions.ClickAsync(Caller(callback.From, message.Chat.Id), callback.Data ?? "", cancellationToken);
        LogClick(logger, callback.From.Id, message.Chat.Id, result.Acted);
        try
        {
            await api.AnswerCallbackQueryAsync(callback.Id, Cut(result.Text, MaxCallbackAnswer), cancellationToken);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 400)
        {
            // The action took longer than Telegram keeps a click open; the edit below still shows the outcome.
            LogLateAnswer(logger, callback.From.Id, ex.Description);
        }
        if (result.Alert is { } alert)
        {
            await api.EditMessageTextAsync(TelegramRenderer.AlertEdit(message.Chat.Id, message.MessageId, alert), cancellationToken);
        }
    }

    /// <summary>Sends, waiting out a 429's retry_after (up to a minute) before trying again.</summary>
    private async Task SendAsync(SendMessageRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await api.SendMessageAsync(request, cancellationToken);
                return;
            }
            catch (TelegramApiException ex) when (ex.RetryAfter is { } wait && wait <= s_maxRetryWait && attempt < MaxSendAttempts)
            {
                LogRateLimited(logger, request.ChatId, wait.TotalSeconds);
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
    }

    private bool Serves(TelegramChat chat, long userId)
    {
        var telegram = options.Value.Telegram;
        foreach (var id in telegram.Chats.Values)
        {
            if (TelegramChecks.TryParseChatId(id, out var served) && served == chat.Id)
            {
                return true;
            }
        }
        var user = userId.ToString(CultureInfo.InvariantCulture);
        return chat.Type == "private" && chat.Id == userId && options.Value.Users.Any(u => u.Telegram == user);
    }

    private static ChatCaller Caller(TelegramUser from, long chatId) =>
        new(Platform, from.Id.ToString(CultureInfo.InvariantCulture), from.Username ?? from.FirstName, [], chatId.ToString(CultureInfo.InvariantCulture));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
