using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// <c>env_apply</c>: applies the fixes of the items the supervisor sends (only those) in the project directory, one after
/// the other, and says per item what was done. Every file and directory path is resolved first: one that leads outside
/// the project refuses the whole command before anything is touched.
/// </summary>
internal sealed class EnvApplyCommand(IOptions<AgentOptions> options) : IAgentCommand
{
    /// <summary>How long one install command may run (the command's deadline may end it sooner).</summary>
    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public IReadOnlyCollection<string> Types { get; } = [CommandTypes.EnvApply];

    public async Task<JsonElement?> ExecuteAsync(CommandRequest command, ProjectOptions? project, CancellationToken cancellationToken)
    {
        var args = EnvCommandArgsReader.ReadApply(command);
        var report = await ApplyAsync(args, project!, EnvCommandArgsReader.SessionEnvironment(project!, options.Value), InstallTimeout, cancellationToken);
        return JsonSerializer.SerializeToElement(report, ProtocolJsonContext.Default.EnvApplyReport);
    }

    public static async Task<EnvApplyReport> ApplyAsync(EnvApplyArgs args, ProjectOptions project, IReadOnlyDictionary<string, string> environment,
        TimeSpan installTimeout, CancellationToken cancellationToken)
    {
        foreach (var item in args.Items.Where(i => i.Kind is EnvItemKinds.File or EnvItemKinds.Dir))
        {
            WritablePath.Resolve(project.Directory, item.Name);
        }
        var results = new List<EnvApplyResult>(args.Items.Count);
        foreach (var item in args.Items)
        {
            results.Add(await EnvItemApplier.ApplyAsync(item, project.Directory, environment, args.DryRun, installTimeout, cancellationToken));
        }
        return new EnvApplyReport(project.Name, args.DryRun, results);
    }
}
