namespace HalOSwarm.Supervisor.Dashboard.Auth;

/// <summary>Where a sign-in goes next: a path on this supervisor, never another site.</summary>
internal static class ReturnUrl
{
    public const int MaxLength = 2048;

    public static string Safe(string? url) =>
        url is { Length: > 0 and <= MaxLength } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/";
}
