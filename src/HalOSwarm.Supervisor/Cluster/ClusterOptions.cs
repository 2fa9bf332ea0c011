using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>
/// The <c>cluster</c> section: how this supervisor names itself among the supervisors sharing one database, and how
/// fast they notice each other: every supervisor writes a heartbeat; one is the leader (the work that runs once
/// fleet-wide); a supervisor silent for longer than the lease is taken for dead and its nodes for offline.
/// </summary>
internal sealed class ClusterOptions
{
    public const string SectionName = "cluster";

    /// <summary>This supervisor's name among the others; default <c>HOSTNAME:HTTP_PORT</c> (stable across restarts).</summary>
    [ConfigurationKeyName("supervisor_id")]
    public string? SupervisorId { get; set; }

    /// <summary>How often this supervisor writes its heartbeat and, when it is not the leader, tries to become it.</summary>
    [ConfigurationKeyName("heartbeat_sec")]
    public int HeartbeatSec { get; set; } = 2;

    /// <summary>Silence after which a supervisor is taken for dead and the leader marks its nodes offline.</summary>
    [ConfigurationKeyName("lease_sec")]
    public int LeaseSec { get; set; } = 10;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSec);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSec);
}
