namespace HalOSwarm.Supervisor.Observability;

/// <summary>
/// The id that follows a command from the API request through the agent and back: taken from the request's
/// <c>X-Correlation-Id</c> header (1–128 of <c>A-Z a-z 0-9 . _ : + = @ / -</c>), or made up when there is none.
/// </summary>
internal static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 128;

    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>Why <paramref name="value"/> cannot be a correlation id, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return $"must be 1-{MaxLength} characters";
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '+' or '=' or '@' or '/' or '-'))
            {
                return "may hold only A-Z a-z 0-9 . _ : + = @ / -";
            }
        }
        return null;
    }
}
