using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// <c>auth_check</c>: checks every agent program in use now, reports each as <c>auth.status</c> and answers
/// <c>{tools: [...]}</c>. <c>auth_login</c> <c>{tool}</c>: starts a remote login (<see cref="DeviceLogins"/>) and answers
/// its first state (pending with URL and code, manual_required with the steps, or failed).
/// </summary>
internal sealed class ToolAuthCommands(ToolAuthChecker checker, ToolAuthReporter reporter, DeviceLogins logins, TimeProvider timeProvider) : IAgentCommand
{
    public IReadOnlyCollection<string> Types { get; } = [CommandTypes.AuthCheck, CommandTypes.AuthLogin];

    public async Task<JsonElement?> ExecuteAsync(CommandRequest command, ProjectOptions? project, CancellationToken cancellationToken)
    {
        if (command.Type == CommandTypes.AuthCheck)
        {
            // Answer before the command's deadline: a program still running then is reported unknown.
            var left = (command.Deadline ?? timeProvider.GetUtcNow() + ToolAuthChecker.Timeout) - timeProvider.GetUtcNow() - TimeSpan.FromSeconds(2);
            var timeout = left < TimeSpan.FromSeconds(3) ? TimeSpan.FromSeconds(3) : left > ToolAuthChecker.Timeout ? ToolAuthChecker.Timeout : left;
            var statuses = await checker.CheckAllAsync(timeout, cancellationToken);
            await reporter.ReportAsync(statuses, onlyChanged: false, cancellationToken);
            return ProtocolCodec.ToElement(new AuthCheckResult(statuses), ProtocolJsonContext.Default.AuthCheckResult);
        }
        var tool = command.Args.ValueKind == JsonValueKind.Object && command.Args.TryGetProperty("tool", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, "auth_login takes {\"tool\": \"opencode|claude-code|codex\"}");
        var login = await logins.StartAsync(command.CommandId, tool, cancellationToken);
        return ProtocolCodec.ToElement(login, ProtocolJsonContext.Default.AuthLoginData);
    }
}
