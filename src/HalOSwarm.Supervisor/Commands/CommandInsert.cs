using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Store a new command unless its idempotency key names a live one; completes with the command that holds the key
/// and whether it is the new one.
/// </summary>
internal sealed record CommandInsert(CommandDto Command, string? SourceAddress) : AwaitedWrite<(CommandDto Command, bool Created)>;
