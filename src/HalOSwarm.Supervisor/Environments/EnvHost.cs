using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>A node that hosts a project (its hello listed it), and whether the node is connected now.</summary>
internal sealed record EnvHost(string NodeId, ProjectInfo Project, bool Online);
