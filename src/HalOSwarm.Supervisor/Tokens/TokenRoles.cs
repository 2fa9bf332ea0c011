namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// The roles a user token carries. Each includes the ones before it: an operator may read, an admin may act.
/// </summary>
internal static class TokenRoles
{
    /// <summary>Reads nodes, sessions, events, commands, approvals and the audit log.</summary>
    public const string Viewer = "viewer";

    /// <summary>Acts on sessions: commands, prompts, starts and adoptions, answers to approvals.</summary>
    public const string Operator = "operator";

    /// <summary>Tokens, node enrolment and everything an operator may do.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>The roles that satisfy <paramref name="required"/>: it and every role above it.</summary>
    public static string[] AtLeast(string required) => required switch
    {
        Viewer => [Viewer, Operator, Admin],
        Operator => [Operator, Admin],
        _ => [Admin],
    };
}
