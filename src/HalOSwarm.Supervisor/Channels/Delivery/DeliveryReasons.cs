using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// Makes a failure's reason safe to store, log and show: every configured token and secret (and every webhook URL's
/// path and query, which some receivers use as a secret) is replaced by <c>***</c>, as is anything shaped like a
/// bearer token or a bot token; the result is cut to <see cref="MaxLength"/> characters.
/// </summary>
internal sealed partial class DeliveryReasons
{
    public const int MaxLength = 500;
    private const string Mask = "***";
    private readonly string[] _secrets;

    public DeliveryReasons(IOptions<ChannelsOptions> options)
    {
        var o = options.Value;
        var secrets = new List<string>
        {
            o.Discord.BotToken, o.Slack.BotToken, o.Slack.AppToken, o.Slack.SigningSecret, o.Telegram.BotToken, o.Telegram.WebhookSecret,
        };
        foreach (var webhook in o.Webhooks.Values)
        {
            secrets.Add(webhook.Secret);
            secrets.Add(webhook.Url);
            if (Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 1)
            {
                secrets.Add(uri.PathAndQuery);
            }
        }
        // Longest first, so a secret containing another is masked whole; short values would mask ordinary words.
        _secrets = [.. secrets.Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public string Scrub(string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "unknown error" : reason.ReplaceLineEndings(" ").Trim();
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        text = TokenShapes().Replace(text, m => m.Groups["keep"].Value + Mask);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    // Bearer tokens, Slack tokens (xoxb-, xapp-…), Telegram bot tokens (123456:ABC…, also in /bot<token>/ paths).
    [GeneratedRegex(@"(?<keep>Bearer\s+)\S+|(?<keep>)xox[a-z]-[A-Za-z0-9-]+|(?<keep>)xapp-[A-Za-z0-9-]+|(?<keep>)\d{5,}:[A-Za-z0-9_-]{20,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenShapes();
}
