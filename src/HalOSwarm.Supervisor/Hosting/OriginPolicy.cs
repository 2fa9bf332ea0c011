namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// Which browser origins may call the supervisor: its own (the scheme and Host of the request) and those listed in
/// <c>server.allowed_origins</c>. Origins compare as scheme, host (case-insensitive) and port, default ports filled in.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly HashSet<string> _allowed;

    public OriginPolicy(IEnumerable<string> allowed) =>
        _allowed = allowed.Select(o => TryNormalize(o, out var n) ? n : null).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Allowed => _allowed;

    public bool Allows(HttpRequest request, string origin) =>
        IsListed(origin) || (TryNormalize(origin, out var normalized) && TryNormalize($"{request.Scheme}://{request.Host.Value}", out var own) && own == normalized);

    /// <summary>True for an origin in <c>server.allowed_origins</c> (not the supervisor's own).</summary>
    public bool IsListed(string origin) => TryNormalize(origin, out var normalized) && _allowed.Contains(normalized);

    /// <summary>An origin is <c>http(s)://host[:port]</c> and nothing else (no path, query or user).</summary>
    public static bool TryNormalize(string origin, out string normalized)
    {
        normalized = "";
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || origin.EndsWith('/') || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }
        normalized = $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
        return true;
    }
}
