using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Placement;

/// <summary>Collects every problem of the <c>placement</c> section, each with its full key.</summary>
internal sealed class PlacementOptionsValidator : IValidateOptions<PlacementOptions>
{
    public const int MaxLimit = 10_000;
    public const int MaxEntries = 1_000;

    public ValidateOptionsResult Validate(string? name, PlacementOptions options)
    {
        var errors = new List<string>();
        if (!PlacementStrategies.All.Contains(options.Strategy))
        {
            errors.Add($"placement.strategy: '{options.Strategy}' is not one of {string.Join(", ", PlacementStrategies.All)}");
        }
        if (options.NodeLimits.Count > MaxEntries)
        {
            errors.Add($"placement.node_limits: at most {MaxEntries} nodes");
        }
        foreach (var (nodeId, limit) in options.NodeLimits)
        {
            if (!ProtocolLimits.IsNodeId(nodeId))
            {
                errors.Add($"placement.node_limits: '{Printable(nodeId)}' is not a node id");
            }
            ServerOptionsValidator.CheckRange(errors, $"placement.node_limits.{Printable(nodeId)}", limit, 1, MaxLimit);
        }
        if (options.Pins.Count > MaxEntries)
        {
            errors.Add($"placement.pins: at most {MaxEntries} projects");
        }
        foreach (var (project, nodes) in options.Pins)
        {
            var key = $"placement.pins.{Printable(project)}";
            if (nodes.Count == 0)
            {
                errors.Add($"{key}: name at least one node");
            }
            foreach (var nodeId in nodes.Where(n => !ProtocolLimits.IsNodeId(n)))
            {
                errors.Add($"{key}: '{Printable(nodeId)}' is not a node id");
            }
        }
        if (options.Strategy == PlacementStrategies.Pinned && options.Pins.Count == 0)
        {
            errors.Add("placement.pins: the pinned strategy needs at least one project's nodes");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Printable(string text) => new([.. text.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
