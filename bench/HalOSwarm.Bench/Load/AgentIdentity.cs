namespace HalOSwarm.Bench.Load;

/// <summary>A simulated node: its id and the ids of its sessions (globally unique: sessions are keyed by id alone).</summary>
internal sealed class AgentIdentity
{
    public AgentIdentity(string nodeId, int sessions)
    {
        NodeId = nodeId;
        SessionIds = new string[sessions];
        for (var i = 0; i < sessions; i++)
        {
            SessionIds[i] = $"{nodeId}-s{i:D3}";
        }
    }

    public const string Project = "bench";

    public string NodeId { get; }

    public string[] SessionIds { get; }
}
