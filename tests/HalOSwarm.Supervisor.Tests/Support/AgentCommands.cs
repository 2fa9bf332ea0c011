using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>Command-side helpers for <see cref="TestAgent"/>: read command frames, accept and answer them.</summary>
internal static class AgentCommands
{
    public static async Task<CommandRequest> ReceiveCommandAsync(this TestAgent agent, int timeoutMs = 10_000) =>
        (await agent.ReceiveAsync(MessageTypes.Command, timeoutMs)).Payload.Deserialize(ProtocolJsonContext.Default.CommandRequest)!;

    /// <summary>Null when no command frame comes within <paramref name="timeoutMs"/>.</summary>
    public static async Task<CommandRequest?> TryReceiveCommandAsync(this TestAgent agent, int timeoutMs)
    {
        try
        {
            return await agent.ReceiveCommandAsync(timeoutMs);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public static Task AcceptAsync(this TestAgent agent, CommandRequest command) =>
        agent.SendAsync(MessageTypes.CommandAccepted, new CommandAccepted(command.CommandId), ProtocolJsonContext.Default.CommandAccepted);

    public static Task ReplyAsync(this TestAgent agent, CommandRequest command, string? resultJson = null) =>
        agent.SendAsync(MessageTypes.CommandResult,
            new CommandResult(command.CommandId, true, resultJson is null ? null : JsonDocument.Parse(resultJson).RootElement.Clone(), null, null),
            ProtocolJsonContext.Default.CommandResult);

    public static Task FailAsync(this TestAgent agent, CommandRequest command, string errorCode, string error = "failed") =>
        agent.SendAsync(MessageTypes.CommandResult, new CommandResult(command.CommandId, false, null, error, errorCode), ProtocolJsonContext.Default.CommandResult);

    public static SessionSnapshot Session(string sessionId, string status = SessionStatuses.Idle, string project = "alpha") =>
        new(sessionId, project, RuntimeNames.OpenCode, status, null, null, Ev.T0, Ev.T0);
}
