namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The charter in force for one project as <c>GET /api/v1/charter</c> shows it (<see cref="Project"/> null: the fleet
/// default): each limit with the key it comes from, and the tool rules in the order they are tried.
/// </summary>
internal sealed record CharterView(string? Project, IReadOnlyList<CharterLimit> Limits, IReadOnlyList<CharterToolRule> Tools)
{
    public static CharterView Of(Charter charter, string? project) => new(project, charter.Limits, charter.Tools);
}
