namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Data of the <c>session.needs_input</c> event the supervisor records for a permission request: <see cref="Reason"/>
/// says in words what the session waits for (<c>bash: echo hi &gt; marker.txt</c>).
/// </summary>
internal sealed record NeedsInputData(
    string Kind,
    string Reason,
    string ApprovalId,
    string? Project,
    string? Tool,
    string Permission,
    IReadOnlyList<string> Patterns);
