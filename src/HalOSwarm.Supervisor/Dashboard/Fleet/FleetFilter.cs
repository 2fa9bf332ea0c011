namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>
/// What the fleet page's sessions list is narrowed to: exact status, project, node and runtime, and a text matched
/// (case-insensitively, as a substring) against id, title, project, node, model and current task. Text is cut to
/// <see cref="MaxTextChars"/>.
/// </summary>
internal sealed record FleetFilter(string? Status = null, string? Project = null, string? NodeId = null, string? Runtime = null, string? Text = null)
{
    public const int MaxTextChars = 200;

    public static FleetFilter None { get; } = new();

    public FleetFilter Normalized() => new(Blank(Status), Blank(Project), Blank(NodeId), Blank(Runtime),
        Blank(Text) is { } text ? text[..Math.Min(text.Length, MaxTextChars)] : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
