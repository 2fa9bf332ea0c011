using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Cost.Providers;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.providers, and the notes about keys that are placeholders (accepted, not polled).</summary>
internal static class ProviderChecks
{
    public const int MaxMappedIdLength = 128;

    public static void Check(CostProvidersOptions providers, List<string> errors)
    {
        CheckKey("cost.providers.anthropic.admin_api_key", providers.Anthropic.AdminApiKey, errors);
        CheckUrl("cost.providers.anthropic.base_url", providers.Anthropic.BaseUrl, errors);
        CheckMap("cost.providers.anthropic.workspaces", providers.Anthropic.Workspaces, "workspace ids", errors);
        CheckKey("cost.providers.openai.org_api_key", providers.OpenAI.OrgApiKey, errors);
        CheckUrl("cost.providers.openai.base_url", providers.OpenAI.BaseUrl, errors);
        CheckMap("cost.providers.openai.projects", providers.OpenAI.Projects, "project ids", errors);
        if (providers.MaxRetries is < 0 or > 10)
        {
            errors.Add($"cost.providers.max_retries: must be from 0 to 10 (was {providers.MaxRetries})");
        }
        if (providers.RetryDelayMs is < 10 or > 60_000)
        {
            errors.Add($"cost.providers.retry_delay_ms: must be from 10 to 60000 milliseconds (was {providers.RetryDelayMs})");
        }
    }

    /// <summary>The notes <c>--validate</c> prints and start-up logs: a key that is a placeholder is accepted and not polled.</summary>
    public static void Notes(CostOptions options, List<string> notes)
    {
        if (ProviderKeys.IsPlaceholder(options.Providers.Anthropic.AdminApiKey))
        {
            notes.Add("cost.providers.anthropic.admin_api_key: holds a placeholder, not an Admin API key; Anthropic billing is not polled (not_configured)");
        }
        if (ProviderKeys.IsPlaceholder(options.Providers.OpenAI.OrgApiKey))
        {
            notes.Add("cost.providers.openai.org_api_key: holds a placeholder, not an admin key; OpenAI billing is not polled (not_configured)");
        }
    }

    // The value is a secret: the message never repeats it.
    private static void CheckKey(string key, string? value, List<string> errors)
    {
        if (!ProviderKeys.IsWellFormed(value))
        {
            errors.Add($"{key}: must be at most {ProviderKeys.MaxLength} printable characters without spaces (the value is not shown)");
        }
    }

    private static void CheckUrl(string key, string? value, List<string> errors)
    {
        if (value is null || value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // A URL with credentials in it is not repeated.
            var shown = value?.Contains('@', StringComparison.Ordinal) == true ? "(not shown)" : $"'{Shorten(value)}'";
            errors.Add($"{key}: must be an http or https URL of at most 2048 characters without credentials, query or fragment (was {shown})");
        }
    }

    private static void CheckMap(string key, Dictionary<string, string>? map, string what, List<string> errors)
    {
        foreach (var (id, project) in map ?? [])
        {
            if (id.Length is 0 or > MaxMappedIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors.Add($"{key}.{Shorten(id)}: {what} must be 1-{MaxMappedIdLength} letters, digits, '_' or '-'");
            }
            if (!ProtocolLimits.IsProjectName(project))
            {
                errors.Add($"{key}.{Shorten(id)}: must be a project name of 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'");
            }
        }
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 64 ? value : value[..64] + "…";
}
