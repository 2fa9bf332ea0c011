using System.Globalization;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Renders alerts and command replies as Block Kit: a header, a mrkdwn section, fields (at most 10), a context line
/// (severity, rule, time), and while the alert is open an actions block whose buttons carry <see cref="AlertButtonId"/>
/// as both action_id and value. Every text is escaped and cut to Slack's limits (<see cref="SlackLimits"/>).
/// </summary>
internal static class SlackBlocks
{
    /// <summary>The action_id of an alert's Open link button (a click on it needs no answer).</summary>
    public const string OpenActionPrefix = "hal-open:";

    public static (string Text, JsonArray Blocks) Alert(Alert alert)
    {
        var blocks = new JsonArray { Header(alert.Title) };
        blocks.Add(Section(alert.Text));
        if (alert.Fields.Count > 0)
        {
            blocks.Add(Fields(alert.Fields));
        }
        var context = string.Create(CultureInfo.InvariantCulture,
            $"{alert.Severity} · rule {alert.Rule} · {alert.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        blocks.Add(Context(context));
        if (alert.Answer is { } answer)
        {
            blocks.Add(Section(string.Create(CultureInfo.InvariantCulture,
                $"{answer.Outcome} — {answer.Action} by {answer.By} from {answer.Platform} at {answer.At.UtcDateTime:HH:mm:ss} UTC")));
        }
        var buttons = new JsonArray();
        if (alert.Answer is null)
        {
            foreach (var action in alert.Actions.Take(AlertLimits.MaxActions))
            {
                buttons.Add(Button(action, alert.AlertId));
            }
        }
        if (alert.OpenUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            buttons.Add(new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText("Open"),
                ["action_id"] = OpenActionPrefix + alert.AlertId.ToString(CultureInfo.InvariantCulture),
                ["url"] = url,
            });
        }
        if (buttons.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = "hal-actions", ["elements"] = buttons });
        }
        var fallback = SlackText.Mrkdwn($"[{alert.Severity}] {alert.Title}: {alert.Text}", SlackLimits.FallbackText);
        return (fallback, blocks);
    }

    /// <summary>A command's answer as a slash command reply (<c>response_type</c>, <c>text</c>, <c>blocks</c>).</summary>
    public static JsonObject Reply(ChatReply reply)
    {
        var blocks = new JsonArray();
        if (reply.Title is { Length: > 0 } title)
        {
            blocks.Add(Header(title));
        }
        blocks.Add(Section(reply.Text));
        if (reply.Fields is { Count: > 0 } fields)
        {
            blocks.Add(Fields(fields));
        }
        if (reply.Preformatted is { Length: > 0 } pre)
        {
            // Inside ``` Slack still reads &, < and >; the fence and the escaping take 6 + a few characters.
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn("```" + SlackText.Mrkdwn(pre, SlackLimits.SectionText - 8) + "```") });
        }
        return new JsonObject
        {
            ["response_type"] = reply.Ephemeral || reply.Refused ? "ephemeral" : "in_channel",
            ["text"] = SlackText.Mrkdwn(reply.Title is { Length: > 0 } t ? $"{t}: {reply.Text}" : reply.Text, SlackLimits.FallbackText),
            ["blocks"] = blocks,
        };
    }

    /// <summary>A short ephemeral note to the one who clicked (nothing was done, or why).</summary>
    public static JsonObject Note(string text) => new()
    {
        ["response_type"] = "ephemeral",
        ["replace_original"] = false,
        ["text"] = SlackText.Mrkdwn(text, SlackLimits.SectionText),
    };

    private static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(SlackText.Plain(text, SlackLimits.HeaderText)) };

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(SlackText.Mrkdwn(text, SlackLimits.SectionText)) };

    private static JsonObject Context(string text) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray { Mrkdwn(SlackText.Mrkdwn(text, SlackLimits.ContextText)) },
    };

    private static JsonObject Fields(IReadOnlyList<AlertField> fields)
    {
        var items = new JsonArray();
        foreach (var field in fields.Take(SlackLimits.Fields))
        {
            var name = SlackText.Mrkdwn(field.Name, 100);
            items.Add(Mrkdwn($"*{name}*\n" + SlackText.Mrkdwn(field.Value, SlackLimits.FieldText - name.Length - 3)));
        }
        return new JsonObject { ["type"] = "section", ["fields"] = items };
    }

    private static JsonObject Button(AlertAction action, long alertId)
    {
        var id = AlertButtonId.Format(action.Action, alertId);
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(SlackText.Plain(action.Label, SlackLimits.ButtonText)),
            ["action_id"] = id,
            ["value"] = id,
        };
        if (action.Style is "primary" or "danger")
        {
            button["style"] = action.Style;
        }
        return button;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
