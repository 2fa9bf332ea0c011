using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Alerts and chat replies as Discord messages: an embed (title, description, color by severity, fields, timestamp,
/// footer naming the rule) and one action row of buttons; an answered alert loses its buttons and says who answered.
/// Texts are escaped for Discord's markdown and cut to Discord's limits (content 2,000, title 256, description 4,096,
/// 25 fields of 256/1,024, 5 buttons, custom_id 100, label 80).
/// </summary>
internal static class DiscordRender
{
    public const int MaxContent = 2000;
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxButtons = 5;
    public const int MaxCustomId = 100;
    public const int MaxLabel = 80;
    public const int EphemeralFlag = 64;

    public static JsonObject Alert(Alert alert)
    {
        var description = new StringBuilder(Escape(alert.Text));
        if (alert.Answer is { } answer)
        {
            description.Append("\n\n**").Append(Escape(Answered(answer))).Append("**");
        }
        var embed = new JsonObject
        {
            ["title"] = Cut(alert.Title, MaxTitle),
            ["description"] = Cut(description.ToString(), MaxDescription),
            ["color"] = alert.Answer is null ? Color(alert.Severity) : 0x95A5A6,
            ["fields"] = Fields(alert.Fields),
            ["timestamp"] = alert.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["footer"] = new JsonObject { ["text"] = Cut($"rule {alert.Rule} · alert {alert.AlertId}", 2048) },
        };
        var message = new JsonObject
        {
            ["embeds"] = new JsonArray(embed),
            ["components"] = Buttons(alert),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        return message;
    }

    /// <summary>"Approved once by alice (Discord) at 12:03 UTC."</summary>
    public static string Answered(AlertAnswer answer)
    {
        var outcome = answer.Outcome.Length == 0 ? answer.Action : answer.Outcome;
        var platform = answer.Platform.Length == 0 ? "" : $" ({char.ToUpperInvariant(answer.Platform[0])}{answer.Platform[1..]})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(outcome[0])}{outcome[1..]} by {answer.By}{platform} at {answer.At.ToUniversalTime():HH:mm} UTC.");
    }

    /// <summary>A command's answer as an interaction message (type 4 data, or the body of PATCH @original).</summary>
    public static JsonObject Reply(ChatReply reply)
    {
        var content = new StringBuilder(Escape(reply.Text));
        if (reply.Title is null && reply.Fields is null && reply.Preformatted is not null)
        {
            AppendBlock(content, reply.Preformatted, MaxContent);
        }
        var message = new JsonObject
        {
            ["content"] = Cut(content.ToString(), MaxContent),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (reply.Title is not null || reply.Fields is not null)
        {
            var description = new StringBuilder();
            if (reply.Preformatted is not null)
            {
                AppendBlock(description, reply.Preformatted, MaxDescription);
            }
            var embed = new JsonObject { ["title"] = Cut(reply.Title ?? "", MaxTitle), ["fields"] = Fields(reply.Fields ?? []) };
            if (description.Length > 0)
            {
                embed["description"] = Cut(description.ToString(), MaxDescription);
            }
            message["embeds"] = new JsonArray(embed);
        }
        if (reply.Ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }
        return message;
    }

    /// <summary>A plain text message (a follow-up: why a click did nothing), ephemeral when asked.</summary>
    public static JsonObject Text(string text, bool ephemeral)
    {
        var message = new JsonObject { ["content"] = Cut(Escape(text), MaxContent), ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        if (ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }
        return message;
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Escapes Discord's markdown and mentions so user text shows as written.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '@' or '#' or '[' or ']' or '<')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static void AppendBlock(StringBuilder builder, string block, int max)
    {
        var room = Math.Max(0, max - builder.Length - 12);
        var body = block.Replace("```", "'''", StringComparison.Ordinal);
        builder.Append("\n```\n").Append(body.Length <= room ? body : body[..room]).Append("\n```");
    }

    private static int Color(string severity) => severity switch
    {
        AlertSeverities.Critical => 0xE74C3C,
        AlertSeverities.Warning => 0xF1C40F,
        _ => 0x3498DB,
    };

    private static JsonArray Fields(IReadOnlyList<AlertField> fields)
    {
        var array = new JsonArray();
        foreach (var field in fields.Take(MaxFields))
        {
            array.Add(new JsonObject
            {
                ["name"] = Cut(field.Name.Length == 0 ? "-" : field.Name, MaxFieldName),
                ["value"] = Cut(field.Value.Length == 0 ? "-" : Escape(field.Value), MaxFieldValue),
                ["inline"] = field.Value.Length <= 40,
            });
        }
        return array;
    }

    private static JsonArray Buttons(Alert alert)
    {
        var buttons = new JsonArray();
        if (alert.Answer is null)
        {
            foreach (var action in alert.Actions.Take(MaxButtons))
            {
                buttons.Add(new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = action.Style switch { "primary" => 1, "danger" => 4, _ => 2 },
                    ["label"] = Cut(action.Label, MaxLabel),
                    ["custom_id"] = Cut(AlertButtonId.Format(action.Action, alert.AlertId), MaxCustomId),
                });
            }
        }
        if (alert.OpenUrl is { Length: > 0 and <= 512 } url && buttons.Count < MaxButtons)
        {
            buttons.Add(new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = "Open", ["url"] = url });
        }
        return buttons.Count == 0 ? [] : new JsonArray(new JsonObject { ["type"] = 1, ["components"] = buttons });
    }
}
