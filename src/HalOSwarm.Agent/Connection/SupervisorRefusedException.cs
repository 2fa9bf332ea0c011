namespace HalOSwarm.Agent.Connection;

/// <summary>The supervisor refused the WebSocket upgrade in a way that retrying soon cannot change.</summary>
internal sealed class SupervisorRefusedException(ConnectRefusal refusal, Exception innerException)
    : Exception(refusal.Message, innerException)
{
    public ConnectRefusal Refusal { get; } = refusal;
}
