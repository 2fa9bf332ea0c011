using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Approvals;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The charter in force for one project (<see cref="Project"/> null: the fleet default): each limit from the project's
/// rules or else the default's, and the project's tool rules followed by the default's.
/// </summary>
internal sealed class Charter
{
    public const string MaxSessionsPerNode = "max_sessions_per_node";
    public const string MaxSessionsPerProject = "max_sessions_per_project";
    public const string MaxSessionMinutes = "max_session_minutes";
    public const string MaxPromptsPerHour = "max_prompts_per_hour";

    private readonly List<(CharterToolRule Rule, Regex Glob)> _globs;

    public Charter(string? project, CharterOptions options)
    {
        Project = project;
        var own = project is not null && options.Projects.TryGetValue(project, out var rules) ? rules : null;
        var ownKey = $"charter.projects.{project}";
        CharterLimit? Pick(string name, Func<CharterRulesOptions, int?> value) =>
            own is not null && value(own) is { } mine ? new(name, mine, $"{ownKey}.{name}")
            : value(options.Default) is { } fleet ? new(name, fleet, $"charter.default.{name}")
            : null;
        Limits = [.. new[]
        {
            Pick(MaxSessionsPerNode, r => r.MaxSessionsPerNode),
            Pick(MaxSessionsPerProject, r => r.MaxSessionsPerProject),
            Pick(MaxSessionMinutes, r => r.MaxSessionMinutes),
            Pick(MaxPromptsPerHour, r => r.MaxPromptsPerHour),
        }.OfType<CharterLimit>()];
        var tools = new List<CharterToolRule>();
        if (own is not null)
        {
            tools.AddRange(own.Tools.Select((t, i) => new CharterToolRule($"{ownKey}.tools[{i}]", t.Tool, t.Pattern ?? "", t.Action ?? CharterActions.Ask)));
        }
        tools.AddRange(options.Default.Tools.Select((t, i) => new CharterToolRule($"charter.default.tools[{i}]", t.Tool, t.Pattern ?? "", t.Action ?? CharterActions.Ask)));
        Tools = tools;
        _globs = [.. tools.Select(t => (t, ApprovalRuleMatcher.Glob(t.Pattern)))];
    }

    public string? Project { get; }

    public IReadOnlyList<CharterLimit> Limits { get; }

    public IReadOnlyList<CharterToolRule> Tools { get; }

    public CharterLimit? Limit(string name) => Limits.FirstOrDefault(l => l.Name == name);

    /// <summary>
    /// The first tool rule that matches a request, or null. A deny or ask rule matches when any part of any pattern does
    /// (a compound command is split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c> and new lines, and each pattern is also
    /// tried whole); an allow rule only when every part does, so an allowed prefix never lets a denied command through.
    /// </summary>
    public CharterToolRule? Match(string? tool, string permission, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }
        var split = CommandParts.Split(patterns);
        var parts = split.Count == 0 ? patterns : split;
        foreach (var (rule, glob) in _globs)
        {
            if (rule.Tool is { } wanted && !string.Equals(wanted, tool, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(wanted, permission, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var matches = rule.Action == CharterActions.Allow
                ? parts.All(glob.IsMatch)
                : patterns.Any(glob.IsMatch) || parts.Any(glob.IsMatch);
            if (matches)
            {
                return rule;
            }
        }
        return null;
    }
}
