namespace HalOSwarm.Supervisor.Environments;

/// <summary>The body of <c>POST /env/{project}/provision</c> and <c>/agents-md/sync</c> (dry_run only for provision); empty = every online node, for real.</summary>
internal sealed record EnvProvisionRequest(string? NodeId = null, bool? DryRun = null);
