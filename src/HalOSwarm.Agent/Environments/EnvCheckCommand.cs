using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Environments;

/// <summary><c>env_check</c>: every item of the project's manifest as found on this node, and the project's verdict.</summary>
internal sealed class EnvCheckCommand(IOptions<AgentOptions> options) : IAgentCommand
{
    public IReadOnlyCollection<string> Types { get; } = [CommandTypes.EnvCheck];

    public async Task<JsonElement?> ExecuteAsync(CommandRequest command, ProjectOptions? project, CancellationToken cancellationToken)
    {
        var args = EnvCommandArgsReader.ReadCheck(command);
        var environment = EnvCommandArgsReader.SessionEnvironment(project!, options.Value);
        var results = new List<EnvItemResult>(args.Items.Count);
        foreach (var item in args.Items)
        {
            results.Add(await EnvItemProbe.CheckAsync(item, project!.Directory, environment, cancellationToken));
        }
        var report = new EnvCheckReport(project!.Name, EnvVerdicts.Worst(results.Select(r => r.Verdict)), results);
        return JsonSerializer.SerializeToElement(report, ProtocolJsonContext.Default.EnvCheckReport);
    }
}
