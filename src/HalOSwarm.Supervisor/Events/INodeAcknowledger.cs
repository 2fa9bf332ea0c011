namespace HalOSwarm.Supervisor.Events;

/// <summary>Tells a node's live connection, if any, how far its events are durable.</summary>
internal interface INodeAcknowledger
{
    void Acknowledge(string nodeId, long durableSeq);
}
