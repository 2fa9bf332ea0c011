namespace HalOSwarm.Supervisor.Api;

/// <summary>Endpoint metadata: served on the agent port (<c>server.port</c>) only; every other endpoint is on the HTTP port.</summary>
internal sealed class AgentPortMetadata
{
    public static readonly AgentPortMetadata Instance = new();

    private AgentPortMetadata()
    {
    }
}
