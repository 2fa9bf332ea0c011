using System.Text.RegularExpressions;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>The checks of <c>channels.webhooks</c>: names, URLs (http or https, no credentials) and secrets (16+ characters).</summary>
internal static partial class WebhookChecks
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 512;
    public const int MaxUrlLength = 2048;

    public static void Check(Dictionary<string, WebhookOptions> webhooks, List<string> errors)
    {
        foreach (var (name, webhook) in webhooks)
        {
            var key = $"channels.webhooks.{name}";
            if (!Name().IsMatch(name))
            {
                errors.Add($"{key}: the name must be 1 to 32 characters of a-z, 0-9, '_' and '-'");
            }
            CheckUrl(key + ".url", webhook.Url, errors);
            if (webhook.Secret.Length < MinSecretLength || webhook.Secret.Length > MaxSecretLength)
            {
                errors.Add($"{key}.secret: required, {MinSecretLength} to {MaxSecretLength} characters (the HMAC-SHA256 key the receiver verifies with)");
            }
        }
    }

    private static void CheckUrl(string key, string url, List<string> errors)
    {
        // The URL is never echoed: its path or query may be the receiver's secret.
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add($"{key}: required (the receiver's http or https URL)");
        }
        else if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add($"{key}: must be an absolute http or https URL of at most {MaxUrlLength} characters");
        }
        else if (uri.UserInfo.Length > 0)
        {
            errors.Add($"{key}: must not carry credentials (user:password@); the request is signed with the secret instead");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
