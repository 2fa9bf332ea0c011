using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>A project's manifest compiled for one node: the items sent to its agent, templates rendered.</summary>
internal sealed record EnvManifest(string Project, string NodeId, IReadOnlyList<EnvItem> Items);
