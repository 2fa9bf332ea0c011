using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// Stores the next version of a node's credentials for a tool; completes with that version. <see cref="Seal"/> encrypts the
/// secret for the version the writer picked (it is part of the associated data).
/// </summary>
internal sealed record CredentialInsert(string NodeId, string Tool, string Kind, DateTimeOffset At, string By,
    Func<int, (string KeyId, byte[] Nonce, byte[] Sealed)> Seal) : AwaitedWrite<int>;
