namespace HalOSwarm.Supervisor.Environments;

/// <summary>A provisioning request that cannot be done: <see cref="Code"/> is the API error code (not_found, conflict, node_offline, invalid_manifest).</summary>
internal sealed class EnvRequestException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
