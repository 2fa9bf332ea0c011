using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// Compiles <c>channels.routes</c> into <see cref="RouteRule"/>s, collecting every problem with its full key
/// (<c>channels.routes[2].where[0]: …</c>); the validator and the router share it, so what validates is what runs.
/// </summary>
internal static class RouteCompiler
{
    public const int MaxRoutes = 100;
    public const int MaxWhere = 10;
    public const int MaxTargets = 10;
    public const int MaxNameLength = 64;
    public const int MaxMatchLength = 128;
    public static readonly TimeSpan MaxThrottle = TimeSpan.FromDays(1);

    /// <summary>The rules of <paramref name="options"/> (the defaults when it has none); null entries for rules with errors.</summary>
    public static List<RouteRule> Compile(ChannelsOptions options, List<string> errors, List<string> notes)
    {
        var routes = options.Routes.Count == 0 ? DefaultRoutes.Build(options) : options.Routes;
        var rules = new List<RouteRule>();
        if (options.Routes.Count > MaxRoutes)
        {
            errors.Add($"channels.routes: {options.Routes.Count} rules; at most {MaxRoutes}");
            return rules;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var key = options.Routes.Count == 0 ? $"channels.routes (default {routes[i].Name})" : $"channels.routes[{i}]";
            var before = errors.Count;
            var rule = CompileOne(options, routes[i], i, key, errors, notes);
            if (rule is not null && !names.Add(rule.Name))
            {
                errors.Add($"{key}.name: '{rule.Name}' is the name of an earlier rule; names must be unique");
            }
            if (rule is not null && errors.Count == before)
            {
                rules.Add(rule);
            }
        }
        return rules;
    }

    private static RouteRule? CompileOne(ChannelsOptions options, ChannelRouteOptions route, int index, string key, List<string> errors, List<string> notes)
    {
        var name = string.IsNullOrWhiteSpace(route.Name) ? $"route-{index + 1}" : route.Name.Trim();
        if (name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{key}.name: '{Shown(name)}': at most {MaxNameLength} letters, digits, '-', '_' or '.'");
        }
        var conditions = new List<RouteCondition>();
        for (var w = 0; w < route.Where.Count; w++)
        {
            if (w == MaxWhere)
            {
                errors.Add($"{key}.where: {route.Where.Count} conditions; at most {MaxWhere}");
                break;
            }
            if (RouteConditionParser.Parse(route.Where[w], out var error) is { } condition)
            {
                conditions.Add(condition);
            }
            else
            {
                errors.Add($"{key}.where[{w}]: {error}");
            }
        }
        var idle = conditions.FirstOrDefault(c => c.Kind == RouteConditionKind.IdleFor);
        var count = conditions.FirstOrDefault(c => c.Kind == RouteConditionKind.Count);
        var match = string.IsNullOrWhiteSpace(route.Match) && idle is not null ? EventTypes.SessionIdle : route.Match.Trim();
        var compiledMatch = CompileMatch(match, key, errors);
        CheckKinds(key, conditions, idle, count, match, errors);
        var targets = Targets(options, route, key, errors, notes);
        TimeSpan? throttle = null;
        if (!string.IsNullOrWhiteSpace(route.Throttle))
        {
            if (RouteDuration.TryParse(route.Throttle, out var t) && t <= MaxThrottle)
            {
                throttle = t;
            }
            else
            {
                errors.Add($"{key}.throttle: '{Shown(route.Throttle)}': expected a duration up to 1d (30s, 10m, 2h)");
            }
        }
        RouteTemplate? template = null;
        if (!string.IsNullOrEmpty(route.Template))
        {
            template = RouteTemplate.Parse(route.Template, out var error);
            if (template is null)
            {
                errors.Add($"{key}.template: {error}");
            }
        }
        return compiledMatch is null ? null : new RouteRule
        {
            Name = name,
            Match = compiledMatch,
            Fields = [.. conditions.Where(c => c.Kind == RouteConditionKind.Field)],
            IdleFor = idle?.Window,
            Count = count,
            Targets = targets,
            Throttle = throttle,
            Template = template,
        };
    }

    private static string? CompileMatch(string match, string key, List<string> errors)
    {
        if (match == "*")
        {
            return match;
        }
        var body = match.EndsWith(".*", StringComparison.Ordinal) ? match[..^2] : match;
        if (body.Length == 0 || match.Length > MaxMatchLength
            || !body.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.') || body.StartsWith('.') || body.EndsWith('.'))
        {
            errors.Add($"{key}.match: '{Shown(match)}': expected an event type (session.needs_input), a prefix pattern (policy.*) or *");
            return null;
        }
        return match.EndsWith(".*", StringComparison.Ordinal) ? body + "." : body;
    }

    private static void CheckKinds(string key, List<RouteCondition> conditions, RouteCondition? idle, RouteCondition? count, string match, List<string> errors)
    {
        if (conditions.Count(c => c.Kind == RouteConditionKind.IdleFor) > 1 || conditions.Count(c => c.Kind == RouteConditionKind.Count) > 1)
        {
            errors.Add($"{key}.where: at most one idle_for and one count condition per rule");
        }
        if (idle is null)
        {
            return;
        }
        if (match != EventTypes.SessionIdle)
        {
            errors.Add($"{key}.match: a rule with idle_for is checked by the idle sweep; its match is session.idle (or left out), not '{Shown(match)}'");
        }
        if (count is not null || conditions.Any(c => c.DataPath.Count > 0))
        {
            errors.Add($"{key}.where: a rule with idle_for takes no count and no data.* conditions (the sweep has no event)");
        }
    }

    private static List<string> Targets(ChannelsOptions options, ChannelRouteOptions route, string key, List<string> errors, List<string> notes)
    {
        var all = new List<(string Key, string Text)>();
        if (!string.IsNullOrWhiteSpace(route.Target))
        {
            all.Add(($"{key}.target", route.Target));
        }
        all.AddRange(route.Targets.Select((t, j) => ($"{key}.targets[{j}]", t)));
        if (all.Count == 0)
        {
            errors.Add($"{key}.target: a rule needs a target (discord:NAME, slack:#NAME, telegram:NAME or webhook:NAME)");
            return [];
        }
        if (all.Count > MaxTargets)
        {
            errors.Add($"{key}.targets: {all.Count} targets; at most {MaxTargets}");
            return [];
        }
        var live = new List<string>();
        foreach (var (targetKey, text) in all)
        {
            if (!RouteTargets.TryParse(text, out var kind, out var name))
            {
                errors.Add($"{targetKey}: '{Shown(text)}': expected discord:NAME, slack:NAME (or slack:#NAME), telegram:NAME or webhook:NAME");
                continue;
            }
            var names = RouteTargets.Names(options, kind);
            if (kind != "webhook" && !RouteTargets.IsConfigured(options, kind))
            {
                notes.Add($"{targetKey}: {kind} is not configured (no bot token); alerts of this rule are not sent to {RouteTargets.Canonical(kind, name)}");
                continue;
            }
            if (!names.Contains(name))
            {
                var where = kind switch { "telegram" => "channels.telegram.chats", "webhook" => "channels.webhooks", _ => $"channels.{kind}.channels" };
                errors.Add($"{targetKey}: '{Shown(name)}' is not a name under {where} (known: {(names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal)))})");
                continue;
            }
            if (!RouteTargets.IsLive(options, kind, name))
            {
                notes.Add($"{targetKey}: webhook '{name}' has no url; alerts of this rule are not sent to it");
                continue;
            }
            var canonical = RouteTargets.Canonical(kind, name);
            if (!live.Contains(canonical))
            {
                live.Add(canonical);
            }
        }
        return live;
    }

    /// <summary>Config text in an error, cut (a pasted secret would not show in full).</summary>
    private static string Shown(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
