using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// Runs <c>credentials_push</c>: writes the pushed auth file (or keeps the env pairs for the sessions started afterwards),
/// records version and SHA-256, reports <c>credentials.state</c> in_sync, has a running program that keeps credentials it
/// read (opencode's server) read them again, and answers <c>{tool, version}</c>. The content is
/// in the wire frame only: it is never logged, and the command journal keeps the id, type and this answer.
/// </summary>
internal sealed partial class CredentialsPushCommand(CredentialLedger ledger, IEnumerable<IRuntimeAdapter> runtimes, ILogger<CredentialsPushCommand> logger)
    : IAgentCommand
{
    public IReadOnlyCollection<string> Types { get; } = [CommandTypes.CredentialsPush];

    public async Task<JsonElement?> ExecuteAsync(CommandRequest command, ProjectOptions? project, CancellationToken cancellationToken)
    {
        var pushed = PushedCredential.Parse(command.Args);
        await ledger.ApplyAsync(pushed, cancellationToken);
        if (runtimes.FirstOrDefault(r => r.Name == pushed.Tool) is { } runtime)
        {
            await runtime.CredentialsChangedAsync(cancellationToken);
        }
        LogApplied(logger, command.CommandId, pushed.Tool, pushed.Version, pushed.Kind);
        return JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["tool"] = pushed.Tool, ["version"] = pushed.Version },
            CredentialsJsonContext.Default.DictionaryStringObject);
    }

    [LoggerMessage(9101, LogLevel.Information, "Command {command_id} applied credentials {tool} v{version} ({kind})")]
    private static partial void LogApplied(ILogger logger, string command_id, string tool, int version, string kind);
}
