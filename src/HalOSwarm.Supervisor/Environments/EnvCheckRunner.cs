using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Runs <c>env_check</c> through the command service (stored, audited, delivered like any command) and waits up to
/// <see cref="Wait"/> for the node's report.
/// </summary>
internal sealed class EnvCheckRunner(IEnvManifests manifests, ICommandService commands) : IEnvChecks
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public async Task<EnvCheckReport> CheckAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken)
    {
        EnvManifest manifest;
        try
        {
            manifest = manifests.Compile(nodeId, project);
        }
        catch (EnvTemplateException ex)
        {
            throw new EnvCheckFailedException("invalid_manifest", ex.Message);
        }
        var args = JsonSerializer.SerializeToElement(new EnvCheckArgs(manifest.Items), ProtocolJsonContext.Default.EnvCheckArgs);
        var command = await commands.SubmitAsync(
            new CommandSubmission(CommandTypes.EnvCheck, null, project.Name, nodeId, args, actor, Wait: Wait), cancellationToken);
        if (command.State != CommandStates.Succeeded || command.Result is not { } result)
        {
            throw new EnvCheckFailedException(command.ErrorCode ?? command.State,
                command.Error ?? $"the check of {project.Name} on {nodeId} did not finish within {Wait.TotalSeconds:0} s (command {command.CommandId} is {command.State})");
        }
        return result.Deserialize(ProtocolJsonContext.Default.EnvCheckReport)
            ?? throw new EnvCheckFailedException("invalid_result", $"node {nodeId} answered the check of {project.Name} with no report");
    }
}
