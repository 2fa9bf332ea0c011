using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// A provider's poll, stored in one transaction: its status, and when it succeeded (<see cref="Fetch"/> not null) the
/// rows of its days replacing the stored ones.
/// </summary>
internal sealed record ProviderPollStored(ProviderPollStatus Status, DateTimeOffset AttemptedAt, ProviderFetch? Fetch) : AwaitedWrite;
