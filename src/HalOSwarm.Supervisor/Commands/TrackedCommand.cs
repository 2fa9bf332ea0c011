using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>A command the dispatcher still delivers or waits on; owned by the dispatcher's loop.</summary>
internal sealed class TrackedCommand(CommandDto command, DateTimeOffset nextAttemptAt)
{
    public CommandDto Command { get; set; } = command;

    public DateTimeOffset NextAttemptAt { get; set; } = nextAttemptAt;

    /// <summary>Since when the node has been seen offline while this command waited for it.</summary>
    public DateTimeOffset? OfflineSince { get; set; }

    public string Id => Command.CommandId;

    public string NodeId => Command.NodeId;

    /// <summary>The type the agent sees: <c>resume</c> is a prompt with the configured continue text.</summary>
    public string WireType => Command.Type == CommandKinds.Resume ? CommandTypes.Prompt : Command.Type;
}
