using System.Globalization;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// Checks the <c>charter</c> section before it is bound: the keys and value shapes inside <c>charter.projects.NAME</c> and
/// every <c>tools[i]</c> (the generic key check cannot know project names nor look into lists), then the validator's rules:
/// every problem at once, each with its full key.
/// </summary>
internal static class CharterConfiguration
{
    private static readonly string[] s_limits =
        [Charter.MaxSessionsPerNode, Charter.MaxSessionsPerProject, Charter.MaxSessionMinutes, Charter.MaxPromptsPerHour];

    private static readonly string[] s_ruleKeys = [.. s_limits, "tools"];
    private static readonly string[] s_toolKeys = ["tool", "pattern", "action"];

    public static void Check(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(SupervisorConfiguration.ConfigPath(CharterOptions.SectionName));
        var before = errors.Count;
        CheckTools("charter.default", section.GetSection("default"), errors);
        foreach (var project in section.GetSection("projects").GetChildren())
        {
            var prefix = $"charter.projects.{project.Key}";
            if (project.Value is not null)
            {
                errors.Add($"{prefix}: must be an object like {{\"max_sessions_per_node\": 2}}");
                continue;
            }
            foreach (var child in project.GetChildren())
            {
                if (!s_ruleKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{prefix}.{child.Key}: unknown key (known: {string.Join(", ", s_ruleKeys)})");
                }
                else if (s_limits.Contains(child.Key, StringComparer.OrdinalIgnoreCase) && child.Value is { } value
                    && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{prefix}.{child.Key}: '{value}' is not a valid integer");
                }
            }
            CheckTools(prefix, project, errors);
        }
        CharterOptions options;
        try
        {
            options = SupervisorConfiguration.Bind<CharterOptions>(configuration, CharterOptions.SectionName);
        }
        catch (InvalidOperationException) when (errors.Count > before)
        {
            return; // a value of the wrong shape, already reported above
        }
        var result = new CharterOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }
    }

    private static void CheckTools(string prefix, IConfigurationSection rules, List<string> errors)
    {
        var tools = rules.GetSection("tools");
        if (tools.Value is not null)
        {
            errors.Add($"{prefix}.tools: must be a list of rules like [{{\"tool\": \"bash\", \"pattern\": \"rm -rf *\", \"action\": \"deny\"}}]");
            return;
        }
        foreach (var rule in tools.GetChildren())
        {
            foreach (var child in rule.GetChildren())
            {
                if (!s_toolKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{prefix}.tools[{rule.Key}].{child.Key}: unknown key (known: {string.Join(", ", s_toolKeys)})");
                }
            }
        }
    }
}
