namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// <c>GET /api/v1/env/{project}/agents-md/diff</c>: the node's file (as its latest check saw it, at <see cref="CheckedAt"/>)
/// against the rendered template, as a unified diff from <c>a/PATH</c> (the node) to <c>b/PATH</c> (the template);
/// <see cref="State"/> is <c>same</c> (empty diff), <c>changed</c> or <c>absent</c> (the whole template added).
/// </summary>
internal sealed record EnvAgentsMdDiff(string Project, string NodeId, string Path, string State, DateTimeOffset CheckedAt, string Diff);
