using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>Stores a new pending proposal; false when the item already has an open one (pending or approved) on that node.</summary>
internal sealed record EnvProposalInsert(EnvProposal Proposal) : AwaitedWrite<bool>;
