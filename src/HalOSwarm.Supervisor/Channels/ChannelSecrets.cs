using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels;

/// <summary>
/// The one list of what the channels must never show — the server's shared token, the platforms' bot and app tokens,
/// the signing and webhook secrets, and every webhook URL with its path and query (some receivers use them as a
/// secret) — and the masking of it, plus anything shaped like a bearer, Slack or Telegram token. Used for chat replies,
/// alert outcomes and delivery failures alike.
/// </summary>
internal sealed partial class ChannelSecrets
{
    public const string Mask = "***";

    /// <summary>Shorter values are not masked: they would blank ordinary words (the validators ask for long secrets anyway).</summary>
    private const int MinSecretLength = 8;

    private readonly string[] _secrets;

    public ChannelSecrets(IOptions<ChannelsOptions> channels, IOptions<ServerOptions> server)
    {
        var c = channels.Value;
        var secrets = new List<string>
        {
            server.Value.AuthToken, c.Discord.BotToken, c.Slack.BotToken, c.Slack.AppToken, c.Slack.SigningSecret,
            c.Telegram.BotToken, c.Telegram.WebhookSecret,
        };
        foreach (var webhook in c.Webhooks.Values)
        {
            secrets.Add(webhook.Secret);
            secrets.Add(webhook.Url);
            if (Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 1)
            {
                secrets.Add(uri.PathAndQuery);
            }
        }
        // Longest first, so a secret containing another is masked whole.
        _secrets = [.. secrets.Where(s => s is { Length: >= MinSecretLength }).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public string MaskIn(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return TokenShapes().Replace(text, m => m.Groups["keep"].Value + Mask);
    }

    // Bearer tokens (the characters a bearer token may have, so a quote after one stays), Slack tokens (xoxb-, xapp-…), Telegram bot tokens (123456:ABC…, also in /bot<token>/ paths).
    [GeneratedRegex(@"(?<keep>Bearer\s+)[A-Za-z0-9._~+/=*-]+|(?<keep>)xox[a-z]-[A-Za-z0-9-]+|(?<keep>)xapp-[A-Za-z0-9-]+|(?<keep>)\d{5,}:[A-Za-z0-9_-]{20,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenShapes();
}
