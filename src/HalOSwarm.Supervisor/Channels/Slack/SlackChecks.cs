using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// The checks of <c>channels.slack</c>, and its notes (credentials that are placeholders: not configured). Keys are
/// checked strictly only once <c>bot_token</c> is set; errors name the key and never repeat a secret.
/// </summary>
internal static partial class SlackChecks
{
    public const int MaxChannelNameLength = 80;

    /// <summary>True when Slack is configured: a bot token that is neither empty nor a placeholder.</summary>
    public static bool IsConfigured(SlackOptions options) => PlaceholderValues.IsSet(options.BotToken);

    public static void Check(SlackOptions options, List<string> errors)
    {
        if (!IsConfigured(options))
        {
            return;
        }
        if (!TokenPattern().IsMatch(options.BotToken) || !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("channels.slack.bot_token: is not a Slack bot token (xoxb-…: letters, digits and dashes)");
        }
        switch (options.Mode)
        {
            case SlackModes.Socket:
                if (!PlaceholderValues.IsSet(options.AppToken))
                {
                    errors.Add("channels.slack.app_token: required for mode socket (an app-level token xapp-… with connections:write)");
                }
                else if (!TokenPattern().IsMatch(options.AppToken) || !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
                {
                    errors.Add("channels.slack.app_token: is not a Slack app-level token (xapp-…: letters, digits and dashes)");
                }
                break;
            case SlackModes.Http:
                if (!PlaceholderValues.IsSet(options.SigningSecret))
                {
                    errors.Add("channels.slack.signing_secret: required for mode http (the app's signing secret)");
                }
                else if (options.SigningSecret.Length is < 16 or > 128 || options.SigningSecret.Any(char.IsWhiteSpace))
                {
                    errors.Add("channels.slack.signing_secret: must be 16-128 characters without spaces");
                }
                break;
            default:
                errors.Add($"channels.slack.mode: must be {SlackModes.Socket} or {SlackModes.Http}");
                break;
        }
        if (!CommandPattern().IsMatch(options.Command))
        {
            errors.Add("channels.slack.command: must be / and 1-31 lowercase letters, digits, - or _ (/hal)");
        }
        foreach (var (name, id) in options.Channels)
        {
            if (!IsChannelName(name))
            {
                errors.Add($"channels.slack.channels.{name}: the name must be 1-{MaxChannelNameLength} lowercase letters, digits, - or _ (without #)");
            }
            if (!ChannelIdPattern().IsMatch(id ?? ""))
            {
                errors.Add($"channels.slack.channels.{name}: must be a channel id (C or G and 8-20 capital letters or digits, e.g. C0123ABCD)");
            }
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(api.UserInfo) || !string.IsNullOrEmpty(api.Query) || !string.IsNullOrEmpty(api.Fragment))
        {
            errors.Add("channels.slack.api_base_url: must be an http(s) URL without credentials, query or fragment (https://slack.com/api)");
        }
    }

    public static void Notes(SlackOptions options, List<string> notes)
    {
        if (PlaceholderValues.IsPlaceholder(options.BotToken))
        {
            notes.Add("channels.slack.bot_token: holds a placeholder, not a bot token; Slack is not configured (no alerts, no commands)");
        }
    }

    /// <summary>A channel name as Slack allows it: 1-80 lowercase letters, digits, hyphens and underscores.</summary>
    public static bool IsChannelName(string? name) =>
        name is { Length: > 0 and <= MaxChannelNameLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    [GeneratedRegex("^[A-Za-z0-9-]{10,255}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[CG][A-Z0-9]{8,20}$")]
    private static partial Regex ChannelIdPattern();

    [GeneratedRegex("^/[a-z0-9_-]{1,31}$")]
    private static partial Regex CommandPattern();
}
