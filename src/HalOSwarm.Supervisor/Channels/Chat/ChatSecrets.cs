using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The last guard before a reply leaves for chat: every secret the supervisor holds (its shared token, the platforms' bot
/// and app tokens, signing and webhook secrets) is masked wherever it shows up in a reply, a transcript line included.
/// </summary>
internal sealed class ChatSecrets(IOptionsMonitor<ChannelsOptions> channels, IOptions<ServerOptions> server)
{
    public const string Mask = "***";

    /// <summary>Shorter values are not masked: they would blank ordinary words (the validators ask for long secrets anyway).</summary>
    private const int MinSecretLength = 8;

    public string Clean(string text)
    {
        foreach (var secret in Secrets())
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    public ChatReply Clean(ChatReply reply) => reply with
    {
        Text = Clean(reply.Text),
        Title = reply.Title is null ? null : Clean(reply.Title),
        Preformatted = reply.Preformatted is null ? null : Clean(reply.Preformatted),
        Fields = reply.Fields?.Select(f => f with { Value = Clean(f.Value) }).ToList(),
    };

    private IEnumerable<string> Secrets()
    {
        var c = channels.CurrentValue;
        string[] values =
        [
            server.Value.AuthToken, c.Discord.BotToken, c.Slack.BotToken, c.Slack.AppToken, c.Slack.SigningSecret,
            c.Telegram.BotToken, c.Telegram.WebhookSecret, .. c.Webhooks.Values.Select(w => w.Secret),
        ];
        return values.Where(v => v.Length >= MinSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length);
    }
}
