namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// Who is calling the API, for commands and the audit log: <c>api:admin</c> for the server token, with the
/// caller's own name from <c>X-Hal-Actor</c> appended (<c>api:admin/cli:alice</c>) when it is given and well-formed.
/// </summary>
internal static class ApiCaller
{
    public const string ActorHeader = "X-Hal-Actor";
    public const string TokenActor = "api:admin";

    public static string Actor(HttpRequest request)
    {
        var claimed = request.Headers[ActorHeader].ToString().Trim();
        return IsWellFormed(claimed) ? $"{TokenActor}/{claimed}" : TokenActor;
    }

    public static string? SourceAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static bool IsWellFormed(string claimed) =>
        claimed.Length is > 0 and <= 100 && claimed.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-' or '@' or '/');
}
