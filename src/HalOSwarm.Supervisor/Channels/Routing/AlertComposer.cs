using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Cost.Budgets;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// Renders the neutral <see cref="Alert"/> of an event (or an idle session) for a rule: a title and text per event
/// type (the rule's template replaces the text), the facts a person needs (session, project, node; for a permission
/// request the exact command or paths), and the buttons that answer it.
/// </summary>
internal static class AlertComposer
{
    public static Alert Compose(RouteRule rule, RouteFacts facts, string dashboardUrl, DateTimeOffset now, TimeSpan? idleFor = null)
    {
        var (title, text, severity) = Describe(facts, idleFor);
        if (rule.Template is { } template)
        {
            text = template.Render(name => name switch
            {
                "type" => facts.Type,
                "session" => facts.SessionId,
                "node" => facts.NodeId,
                "project" => facts.Project,
                "rule" => rule.Name,
                "title" => title,
                "reason" => text,
                "time" => RouteFacts.Format(facts.At),
                "event_id" => facts.EventId?.ToString(CultureInfo.InvariantCulture),
                _ => facts.Get(name, name[5..].Split('.')),
            });
        }
        var approvalId = facts.Type == EventTypes.SessionNeedsInput ? facts.DataText("approval_id") : null;
        return new Alert
        {
            Rule = rule.Name,
            EventType = facts.Type,
            EventId = facts.EventId,
            Severity = severity,
            Title = Cut(title, AlertLimits.MaxTitleLength),
            Text = Cut(text, AlertLimits.MaxTextLength),
            Fields = Fields(facts, approvalId),
            NodeId = facts.NodeId,
            SessionId = facts.SessionId,
            Project = facts.Project,
            ApprovalId = approvalId,
            Actions = Actions(facts.Type, approvalId, facts.SessionId),
            OpenUrl = dashboardUrl.Length > 0 && facts.SessionId is { } s ? $"{dashboardUrl}/sessions/{Uri.EscapeDataString(s)}" : null,
            At = now,
        };
    }

    private static (string Title, string Text, string Severity) Describe(RouteFacts f, TimeSpan? idleFor)
    {
        var who = f.SessionId is { } s ? "Session " + s : "Node " + f.NodeId;
        // Ids keep their case: a session id is case-sensitive.
        var whoInText = f.SessionId is { } id ? "session " + id : "node " + f.NodeId;
        var budget = f.DataText("budget");
        return f.Type switch
        {
            EventTypes.SessionNeedsInput => ($"{who} needs input", f.DataText("reason") ?? "waiting for input", AlertSeverities.Warning),
            EventTypes.SessionError => ($"{who} failed", Join(f.DataText("error_name"), f.DataText("message")) ?? "error", AlertSeverities.Critical),
            EventTypes.SessionIdle when idleFor is { } d =>
                ($"{who} idle for over {RouteDuration.Format(d)}", $"No activity since {RouteFacts.Format(f.At)}.", AlertSeverities.Warning),
            EventTypes.NodeOffline => ($"Node {f.NodeId} is offline", f.DataText("reason") ?? "It stopped answering.", AlertSeverities.Warning),
            BudgetEventTypes.Threshold => ($"Budget {budget}: {f.DataText("threshold")} % reached",
                $"{Spend(f)} in the {f.DataText("window")} window ({f.DataText("percent")} %).", AlertSeverities.Warning),
            BudgetEventTypes.Forecast => ($"Budget {budget} forecast to run out",
                $"At this rate it reaches its limit at {f.DataText("predicted_at")} ({Spend(f)} so far).", AlertSeverities.Warning),
            BudgetEventTypes.Action => ($"Budget {budget}: {f.DataText("decision") ?? f.DataText("action")}",
                f.DataText("reason") ?? Spend(f), AlertSeverities.Critical),
            _ when f.Type.StartsWith(EventTypes.PolicyPrefix, StringComparison.Ordinal) =>
                ($"Policy {f.Type[EventTypes.PolicyPrefix.Length..]}: {f.DataText("decision")} ({whoInText})", f.DataText("reason") ?? "",
                 f.DataText("decision") is "kill" or "cap_reached" ? AlertSeverities.Critical : AlertSeverities.Warning),
            _ => ($"{f.Type} ({whoInText})", f.DataText("reason") ?? f.DataText("message") ?? f.DataText("text") ?? "", AlertSeverities.Info),
        };
    }

    private static string Spend(RouteFacts f) =>
        f.DataText("limit_usd") is { } limit ? $"${f.DataText("spend_usd")} of ${limit}" : $"{f.DataText("spend_tokens")} of {f.DataText("limit_tokens")} tokens";

    private static List<AlertField> Fields(RouteFacts f, string? approvalId)
    {
        var fields = new List<AlertField>();
        Add(fields, "Session", f.SessionId);
        Add(fields, "Project", f.Project);
        Add(fields, "Node", f.NodeId);
        if (approvalId is not null)
        {
            var patterns = f.Find(["patterns"]);
            var shown = patterns.ValueKind == JsonValueKind.Array
                ? string.Join("\n", patterns.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()))
                : null;
            var permission = f.DataText("permission");
            Add(fields, permission is "bash" ? "Command" : "Paths", shown);
            Add(fields, "Tool", f.DataText("tool") ?? permission);
            Add(fields, "Approval", approvalId);
        }
        return fields;
    }

    private static void Add(List<AlertField> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && fields.Count < AlertLimits.MaxFields)
        {
            fields.Add(new AlertField(name, Cut(value, AlertLimits.MaxFieldValueLength)));
        }
    }

    private static IReadOnlyList<AlertAction> Actions(string type, string? approvalId, string? sessionId) => type switch
    {
        EventTypes.SessionNeedsInput when approvalId is not null =>
        [
            new(AlertActions.Approve, "Approve", "primary"),
            new(AlertActions.Always, "Always", "secondary"),
            new(AlertActions.Deny, "Deny", "danger"),
        ],
        EventTypes.SessionIdle or EventTypes.SessionError when sessionId is not null =>
        [
            new(AlertActions.Resume, "Resume", "primary"),
            new(AlertActions.Restart, "Restart", "secondary"),
            new(AlertActions.Kill, "Kill", "danger"),
        ],
        _ => [],
    };

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}: {b}";

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
