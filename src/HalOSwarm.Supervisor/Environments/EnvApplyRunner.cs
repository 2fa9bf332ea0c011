using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Sends <c>env_apply</c> through the command service (stored, audited, delivered like any command) and waits for the
/// node's report. When the command does not succeed every item comes back <c>failed</c> with the command's error.
/// </summary>
internal sealed class EnvApplyRunner(ICommandService commands)
{
    /// <summary>Longer than the agent's own install timeout, so an install's end is seen.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(6);

    public async Task<IReadOnlyList<EnvApplyResult>> ApplyAsync(string nodeId, string project, IReadOnlyList<EnvItem> items, bool dryRun, string actor,
        CancellationToken cancellationToken)
    {
        var args = JsonSerializer.SerializeToElement(new EnvApplyArgs(items, dryRun), ProtocolJsonContext.Default.EnvApplyArgs);
        var command = await commands.SubmitAsync(new CommandSubmission(CommandTypes.EnvApply, null, project, nodeId, args, actor, Wait: Wait), cancellationToken);
        if (command.State == CommandStates.Succeeded && command.Result?.Deserialize(ProtocolJsonContext.Default.EnvApplyReport) is { } report)
        {
            return report.Items;
        }
        var why = command.Error ?? $"env_apply {command.CommandId} is {command.State}";
        return [.. items.Select(i => new EnvApplyResult(i.Id, EnvApplyOutcomes.Failed, $"{command.ErrorCode ?? command.State}: {why}"))];
    }
}
