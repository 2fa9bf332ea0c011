using HalOSwarm.Protocol;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>Lists every problem of the <c>charter</c> section with its full key, all at once.</summary>
internal sealed class CharterOptionsValidator : IValidateOptions<CharterOptions>
{
    public const int MaxLimit = 1_000_000;
    public const int MaxRules = 200;
    public const int MaxPatternChars = 1024;

    public ValidateOptionsResult Validate(string? name, CharterOptions options)
    {
        var errors = new List<string>();
        if (options.CheckIntervalSec is < 1 or > 3600)
        {
            errors.Add($"charter.check_interval_sec: must be from 1 to 3600 seconds (was {options.CheckIntervalSec})");
        }
        Check("charter.default", options.Default, errors);
        foreach (var (project, rules) in options.Projects)
        {
            var key = $"charter.projects.{project}";
            if (!ProtocolLimits.IsProjectName(project))
            {
                errors.Add($"{key}: the project name must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'");
            }
            Check(key, rules, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string key, CharterRulesOptions rules, List<string> errors)
    {
        Limit($"{key}.max_sessions_per_node", rules.MaxSessionsPerNode, errors);
        Limit($"{key}.max_sessions_per_project", rules.MaxSessionsPerProject, errors);
        Limit($"{key}.max_session_minutes", rules.MaxSessionMinutes, errors);
        Limit($"{key}.max_prompts_per_hour", rules.MaxPromptsPerHour, errors);
        if (rules.Tools.Count > MaxRules)
        {
            errors.Add($"{key}.tools: at most {MaxRules} rules (was {rules.Tools.Count})");
        }
        for (var i = 0; i < rules.Tools.Count; i++)
        {
            var rule = rules.Tools[i];
            var at = $"{key}.tools[{i}]";
            if (string.IsNullOrEmpty(rule.Pattern) || rule.Pattern.Length > MaxPatternChars || rule.Pattern.Any(char.IsControl))
            {
                errors.Add($"{at}.pattern: is required, 1-{MaxPatternChars} characters without control characters (a glob such as 'rm -rf *'; * matches anything)");
            }
            if (rule.Action is null || !CharterActions.All.Contains(rule.Action))
            {
                errors.Add($"{at}.action: must be one of {string.Join(", ", CharterActions.All)} (was '{rule.Action}')");
            }
            if (rule.Tool is { } tool && (string.IsNullOrWhiteSpace(tool) || tool.Length > 128))
            {
                errors.Add($"{at}.tool: must be a tool name such as bash (1-128 characters), or left out");
            }
        }
    }

    private static void Limit(string key, int? value, List<string> errors)
    {
        if (value is { } v && v is < 1 or > MaxLimit)
        {
            errors.Add($"{key}: must be from 1 to {MaxLimit}, or left out for no limit (was {v})");
        }
    }
}
