using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>
/// Checks the <c>dependencies</c> section, whose keys are project names: each entry's keys (typos are reported, since
/// the generic key check cannot know project names), its value shapes, then the graph (self-dependencies, cycles).
/// </summary>
internal static class DependencyConfiguration
{
    private static readonly string[] s_keys = ["depends_on", "auto_start", "prompt"];

    public static void Check(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(DependencyOptions.SectionName);
        var before = errors.Count;
        foreach (var entry in section.GetChildren())
        {
            var prefix = $"{DependencyOptions.SectionName}.{entry.Key}";
            if (entry.Value is not null)
            {
                errors.Add($"{prefix}: must be an object like {{\"depends_on\": [\"other\"]}}");
                continue;
            }
            foreach (var child in entry.GetChildren())
            {
                if (!s_keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{prefix}.{child.Key}: unknown key (known: {string.Join(", ", s_keys)})");
                }
            }
            var dependsOn = entry.GetSection("depends_on");
            if (dependsOn.Value is not null)
            {
                errors.Add($"{prefix}.depends_on: must be a list of project names");
            }
            if (entry["auto_start"] is { } autoStart && !bool.TryParse(autoStart, out _))
            {
                errors.Add($"{prefix}.auto_start: '{autoStart}' is not a valid boolean (true or false)");
            }
        }
        if (errors.Count > before)
        {
            return;
        }
        var options = new DependencyOptions();
        section.Bind(options);
        errors.AddRange(DependencyGraph.Check(options));
    }
}
