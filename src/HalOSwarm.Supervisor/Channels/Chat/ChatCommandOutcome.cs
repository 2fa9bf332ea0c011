using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>A command's outcome in words, for the reply to a chat command or button (<c>Killed ses_1.</c>, <c>failed: node offline</c>).</summary>
internal static class ChatCommandOutcome
{
    /// <summary>The reply's sentence after a chat command ran <paramref name="command"/> on <paramref name="target"/>.</summary>
    public static string Words(string name, string target, CommandDto command, string by) => command.State switch
    {
        CommandStates.Succeeded => $"{Done(name, target, command)}, by {by}.",
        CommandStates.Held => $"/{name} {target} is held and not sent yet: {command.Error}.",
        CommandStates.Failed or CommandStates.TimedOut or CommandStates.Cancelled => $"/{name} {target} {Failure(command)}.",
        _ => $"/{name} {target} is sent; the agent has not answered yet (command {command.CommandId} is {command.State}).",
    };

    /// <summary><c>failed: node offline</c>, <c>timed out: …</c>: an ended command that did not succeed, in a few words.</summary>
    public static string Failure(CommandDto command)
    {
        var verb = command.State switch
        {
            CommandStates.TimedOut => "timed out",
            CommandStates.Cancelled => "was cancelled",
            _ => "failed",
        };
        var why = command.Error ?? command.ErrorCode?.Replace('_', ' ');
        return why is null ? verb : $"{verb}: {ChatText.Clip(ChatText.OneLine(why), 200)}";
    }

    private static string Done(string name, string target, CommandDto command) => name switch
    {
        ChatCommandList.Start => command.Result is { } result && result.ValueKind == System.Text.Json.JsonValueKind.Object
            && result.TryGetProperty("session_id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? $"Started session {id.GetString()} in {target}"
            : $"Started a session in {target}",
        ChatCommandList.Inject => $"Sent to {target}",
        ChatCommandList.Resume => $"Resumed {target}",
        ChatCommandList.Restart => $"Restarted {target}",
        ChatCommandList.Kill => $"Killed {target}",
        ChatCommandList.Abort => $"Aborted the current turn of {target}",
        _ => $"Done: {name} {target}",
    };
}
