using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Governance;

/// <summary>Supervisors with a <c>charter</c> section (and optionally <c>approvals</c>), heartbeats slow enough not to matter.</summary>
internal static class CharterHost
{
    public static Task<SupervisorHost> StartAsync(JsonObject charter, JsonObject? approvals = null) =>
        SupervisorHost.StartAsync(c =>
        {
            c["charter"] = charter;
            if (approvals is not null)
            {
                c["approvals"] = approvals;
            }
            c["server"]!["heartbeat_interval_sec"] = 3600;
            c["server"]!["heartbeat_timeout_count"] = 100;
        });

    public static JsonObject Rule(string tool, string pattern, string action) => new() { ["tool"] = tool, ["pattern"] = pattern, ["action"] = action };
}
