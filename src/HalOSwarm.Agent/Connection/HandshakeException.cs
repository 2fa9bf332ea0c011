namespace HalOSwarm.Agent.Connection;

/// <summary>The supervisor did not answer hello with a welcome.</summary>
internal sealed class HandshakeException(string message) : Exception(message);
