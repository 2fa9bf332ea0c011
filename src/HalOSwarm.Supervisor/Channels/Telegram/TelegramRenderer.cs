using System.Globalization;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Alerts and command replies as Telegram messages: HTML text (bold title, escaped text, fields as lines, a reply's
/// preformatted block in <c>&lt;pre&gt;</c>) and an inline keyboard (one row of action buttons whose
/// <c>callback_data</c> is <see cref="AlertButtonId"/>, a URL button for Open). An answered alert shows who answered
/// and has no keyboard.
/// </summary>
internal static class TelegramRenderer
{
    public const string ParseMode = "HTML";

    private static readonly TelegramLinkPreview s_noPreview = new(IsDisabled: true);

    public static SendMessageRequest Alert(long chatId, Alert alert) =>
        new(chatId, AlertText(alert), ParseMode, Keyboard(alert), s_noPreview);

    public static EditMessageTextRequest AlertEdit(long chatId, long messageId, Alert alert) =>
        new(chatId, messageId, AlertText(alert), ParseMode, Keyboard(alert), s_noPreview);

    public static SendMessageRequest Reply(long chatId, ChatReply reply)
    {
        var text = new TelegramText();
        if (!string.IsNullOrEmpty(reply.Title))
        {
            text.Line(reply.Title, "b");
        }
        text.Line(reply.Text);
        foreach (var field in reply.Fields ?? [])
        {
            text.Add(field.Name + ": ", "b").Line(field.Value);
        }
        if (!string.IsNullOrEmpty(reply.Preformatted))
        {
            text.Add(reply.Preformatted, "pre");
        }
        return new SendMessageRequest(chatId, text.Build(), ParseMode, null, s_noPreview);
    }

    public static string AlertText(Alert alert)
    {
        var text = new TelegramText()
            .Add(Mark(alert.Severity) + " ")
            .Line(alert.Title, "b")
            .Line(alert.Text);
        if (alert.Fields.Count > 0)
        {
            text.Line();
            foreach (var field in alert.Fields)
            {
                text.Add(field.Name + ": ", "b").Line(field.Value);
            }
        }
        if (alert.Answer is { } answer)
        {
            var at = answer.At.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
            text.Line().Line($"✔ {answer.Outcome} (by {answer.By} from {Platform(answer.Platform)} at {at})", "i");
        }
        return text.Build();
    }

    /// <summary>Null once answered (an edit without a keyboard removes it) or when the alert has no buttons.</summary>
    public static TelegramInlineKeyboard? Keyboard(Alert alert)
    {
        if (alert.Answer is not null)
        {
            return null;
        }
        var rows = new List<IReadOnlyList<TelegramInlineButton>>();
        if (alert.Actions.Count > 0)
        {
            rows.Add([.. alert.Actions.Select(a => new TelegramInlineButton(a.Label, CallbackData: AlertButtonId.Format(a.Action, alert.AlertId)))]);
        }
        if (Uri.TryCreate(alert.OpenUrl, UriKind.Absolute, out var open) && open.Scheme is "https" or "http")
        {
            rows.Add([new TelegramInlineButton("Open", Url: open.AbsoluteUri)]);
        }
        return rows.Count == 0 ? null : new TelegramInlineKeyboard(rows);
    }

    private static string Mark(string severity) => severity switch
    {
        AlertSeverities.Critical => "🔴",
        AlertSeverities.Warning => "🟠",
        _ => "🔵",
    };

    private static string Platform(string platform) =>
        platform.Length == 0 ? platform : char.ToUpperInvariant(platform[0]) + platform[1..];
}
