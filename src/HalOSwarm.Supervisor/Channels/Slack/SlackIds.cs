namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>What an inbound id, name or response_url from Slack may look like before the supervisor uses it.</summary>
internal static class SlackIds
{
    /// <summary>A Slack id: 2-32 capital letters and digits (U0123ABCD, C0123ABCD, W…).</summary>
    public static bool IsId(string? id) => id is { Length: >= 2 and <= 32 } && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>A display name, at most 80 characters without control characters; null otherwise.</summary>
    public static string? Name(string? name) =>
        name is { Length: > 0 and <= 80 } && !name.Any(char.IsControl) ? name : null;

    /// <summary>An absolute http(s) URL of at most 500 characters without credentials; null otherwise.</summary>
    public static Uri? ResponseUrl(string? url) =>
        url is { Length: <= 500 } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;
}
