namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// Who is calling the API, for commands and the audit log: the token's actor (<c>api:admin</c> for the server token,
/// <c>token:NAME</c> for an issued one), with the caller's own name from <c>X-Hal-Actor</c> appended
/// (<c>token:alice/cli:alice</c>). The header may only name a CLI user
/// (<c>cli:</c> and 1-64 of <c>A-Z a-z 0-9 . _ @ -</c>): it is what the caller says of itself, so it can never pose as a
/// policy, a chat user or another token.
/// </summary>
internal static class ApiCaller
{
    public const string ActorHeader = "X-Hal-Actor";
    /// <summary>The server token's actor (and the fallback for a request without a token's actor).</summary>
    public const string TokenActor = "api:admin";
    public const string ActorRule = "must be cli:<name> with a name of 1-64 characters of A-Z a-z 0-9 . _ @ -";
    private const string Prefix = "cli:";

    /// <summary>The actor, or null with <paramref name="error"/> when the header is there but not of the allowed form.</summary>
    public static string? Actor(HttpRequest request, out string? error)
    {
        error = null;
        var token = request.HttpContext.User.FindFirst(Security.SupervisorClaims.Actor)?.Value ?? TokenActor;
        var values = request.Headers[ActorHeader];
        if (values.Count == 0)
        {
            return token;
        }
        var claimed = values.Count == 1 ? values[0] ?? "" : "";
        if (!IsCliName(claimed))
        {
            error = ActorRule;
            return null;
        }
        return $"{token}/{claimed}";
    }

    public static string? SourceAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static bool IsCliName(string claimed) =>
        claimed.StartsWith(Prefix, StringComparison.Ordinal) && claimed.Length - Prefix.Length is >= 1 and <= 64
        && claimed[Prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-');
}
