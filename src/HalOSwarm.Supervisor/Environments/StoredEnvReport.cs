using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The latest check of <see cref="Project"/> on <see cref="NodeId"/>, as env_reports keeps it.</summary>
internal sealed record StoredEnvReport(string NodeId, string Project, DateTimeOffset CheckedAt, string CheckedBy, EnvCheckReport Report);
