namespace HalOSwarm.Agent.Connection;

/// <summary>The supervisor did not answer hello with a welcome; <see cref="CloseCode"/> is its close code when it closed.</summary>
internal sealed class HandshakeException(string message, int? closeCode = null) : Exception(message)
{
    public int? CloseCode { get; } = closeCode;
}
