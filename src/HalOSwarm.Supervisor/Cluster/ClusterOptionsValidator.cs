using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>Collects every problem of the <c>cluster</c> section, each with its full key.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public const int MaxIdLength = 100;

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var errors = new List<string>();
        if (options.SupervisorId is { } id && !IsValidId(id))
        {
            errors.Add($"cluster.supervisor_id: must be 1-{MaxIdLength} characters of letters, digits, '.', '_', ':' and '-'");
        }
        ServerOptionsValidator.CheckRange(errors, "cluster.heartbeat_sec", options.HeartbeatSec, 1, 60);
        ServerOptionsValidator.CheckRange(errors, "cluster.lease_sec", options.LeaseSec, 2, 600);
        if (options.LeaseSec < 2 * options.HeartbeatSec)
        {
            errors.Add($"cluster.lease_sec: {options.LeaseSec} must be at least twice cluster.heartbeat_sec ({options.HeartbeatSec})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
