using HalOSwarm.Agent.Runtimes.OpenCode;
using System.Text.Json;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>Reads Codex's <c>TurnError</c>: a name, the provider's HTTP status where Codex knows it, and when a limit resets.</summary>
internal static class CodexErrors
{
    /// <summary><c>codexErrorInfo</c> is either a string (<c>usageLimitExceeded</c>) or an object with one key (<c>{responseTooManyFailedAttempts:{httpStatusCode}}</c>).</summary>
    public static string Name(JsonElement? error) => error.Get("codexErrorInfo") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "other",
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? "other",
        _ => "other",
    };

    public static int? StatusCode(JsonElement? error)
    {
        if (error.Get("codexErrorInfo") is { ValueKind: JsonValueKind.Object } info)
        {
            foreach (var property in info.EnumerateObject())
            {
                if (property.Value.Get("httpStatusCode").Long() is { } status)
                {
                    return (int)status;
                }
            }
        }
        return Name(error) switch
        {
            "usageLimitExceeded" or "rateLimitExceeded" => 429,
            "internalServerError" => 500,
            "serverOverloaded" => 503,
            "unauthorized" => 401,
            "badRequest" or "contextWindowExceeded" => 400,
            "modelNotFound" => 404,
            _ => null,
        };
    }

    /// <summary>
    /// For a rate or usage limit, the reset time of the exhausted window in the last rate-limit snapshot Codex
    /// sent (<c>account/rateLimits/updated</c>, from the provider's headers); else the latest reset it named.
    /// </summary>
    public static DateTimeOffset? ResetAt(int? status, JsonElement? rateLimits)
    {
        if (status != 429 || rateLimits is null)
        {
            return null;
        }
        var windows = new[] { rateLimits.Get("primary"), rateLimits.Get("secondary") }
            .Where(w => w.Get("resetsAt").Long() is not null)
            .Select(w => (Used: w.Get("usedPercent").Long() ?? 0, Reset: w.Get("resetsAt").Long()!.Value))
            .ToList();
        if (windows.Count == 0)
        {
            return null;
        }
        var exhausted = windows.Where(w => w.Used >= 100).ToList();
        var reset = (exhausted.Count > 0 ? exhausted : windows).Max(w => w.Reset);
        return DateTimeOffset.FromUnixTimeSeconds(reset);
    }
}
