namespace HalOSwarm.Ctl.Api;

/// <summary>The body of <c>POST /env/{project}/provision</c> and <c>/agents-md/sync</c>.</summary>
internal sealed record EnvProvisionRequest(string? NodeId, bool? DryRun);
