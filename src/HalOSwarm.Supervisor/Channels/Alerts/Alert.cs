namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// An alert as the router made it, before a platform renders it (a Discord embed, Slack blocks, a Telegram message, a
/// webhook's JSON). Texts are plain (each renderer escapes them for its platform) and already cut to the bounds below.
/// One alert goes to every target of its rule; an action taken from any of them answers it everywhere.
/// </summary>
internal sealed record Alert
{
    /// <summary>The alert's id (assigned when it is stored; buttons name it).</summary>
    public long AlertId { get; init; }

    /// <summary>The routing rule that made it.</summary>
    public required string Rule { get; init; }

    /// <summary>The event type it is about (<c>session.needs_input</c>), or the condition's name for a sweep (<c>session.idle</c>).</summary>
    public required string EventType { get; init; }

    /// <summary>The stored event's id; null for an alert the router's sweep made (a session idle too long).</summary>
    public long? EventId { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c> (<see cref="AlertSeverities"/>).</summary>
    public required string Severity { get; init; }

    /// <summary>At most <see cref="AlertLimits.MaxTitleLength"/> characters.</summary>
    public required string Title { get; init; }

    /// <summary>The body (the rule's template, or the type's default), at most <see cref="AlertLimits.MaxTextLength"/> characters.</summary>
    public required string Text { get; init; }

    /// <summary>At most <see cref="AlertLimits.MaxFields"/> short facts (Session, Project, Node, Command…).</summary>
    public IReadOnlyList<AlertField> Fields { get; init; } = [];

    public string? NodeId { get; init; }

    public string? SessionId { get; init; }

    public string? Project { get; init; }

    /// <summary>The permission request the alert asks about; its Approve/Deny buttons answer it.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>The buttons, at most <see cref="AlertLimits.MaxActions"/>; renderers drop them once <see cref="Answer"/> is set.</summary>
    public IReadOnlyList<AlertAction> Actions { get; init; } = [];

    /// <summary>The dashboard page of the session (an Open link button), when <c>channels.dashboard_url</c> is set.</summary>
    public string? OpenUrl { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who acted on it, from where, and what came of it; null while open.</summary>
    public AlertAnswer? Answer { get; init; }
}

/// <summary>A short fact of an alert: name at most 64 characters, value at most 1,000.</summary>
internal sealed record AlertField(string Name, string Value);

/// <summary>A button: <see cref="Action"/> one of <see cref="AlertActions"/>, <see cref="Style"/> <c>primary</c>, <c>danger</c> or <c>secondary</c>.</summary>
internal sealed record AlertAction(string Action, string Label, string Style);

/// <summary>
/// What answered an alert: the action, the actor as the audit log names it (<c>chat:slack:U123</c>), a display name
/// (alice), the platform it came from, when, and the outcome in words (<c>approved once</c>, <c>resumed</c>,
/// <c>failed: node offline</c>, <c>answered elsewhere: rejected by api:admin</c>).
/// </summary>
internal sealed record AlertAnswer(string Action, string Actor, string By, string Platform, DateTimeOffset At, string Outcome);

internal static class AlertSeverities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
}

/// <summary>The actions an alert's buttons take.</summary>
internal static class AlertActions
{
    public const string Approve = "approve";
    public const string Always = "always";
    public const string Deny = "deny";
    public const string Resume = "resume";
    public const string Restart = "restart";
    public const string Kill = "kill";

    public static readonly IReadOnlyList<string> All = [Approve, Always, Deny, Resume, Restart, Kill];
}

internal static class AlertLimits
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldNameLength = 64;
    public const int MaxFieldValueLength = 1000;
    public const int MaxActions = 5;
}
