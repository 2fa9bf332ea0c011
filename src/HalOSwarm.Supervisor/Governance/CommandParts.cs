namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The simple commands of a compound shell command: opencode already sends each as its own pattern, Claude Code and Codex
/// send the whole line, so the charter splits it at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c> and new lines itself
/// (quotes are not parsed: a separator inside quotes splits too, which can only make a deny rule match more).
/// </summary>
internal static class CommandParts
{
    private static readonly string[] s_separators = ["&&", "||", ";", "|", "&", "\n", "\r"];

    public static IReadOnlyList<string> Split(IReadOnlyList<string> patterns) =>
        [.. patterns.SelectMany(p => p.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
}
