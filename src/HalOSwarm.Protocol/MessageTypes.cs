namespace HalOSwarm.Protocol;

/// <summary>The <c>type</c> of an <see cref="Envelope"/>.</summary>
public static class MessageTypes
{
    /// <summary>agent → supervisor, first frame: <see cref="Hello"/>.</summary>
    public const string Hello = "hello";
    /// <summary>supervisor → agent, answer to hello: <see cref="Welcome"/>.</summary>
    public const string Welcome = "welcome";
    /// <summary>agent → supervisor: <see cref="EventBatch"/>.</summary>
    public const string Events = "events";
    /// <summary>supervisor → agent: <see cref="Ack"/>.</summary>
    public const string Ack = "ack";
    /// <summary>supervisor → agent: <see cref="Replay"/>.</summary>
    public const string Replay = "replay";
    /// <summary>both ways: <see cref="Heartbeat"/>.</summary>
    public const string Heartbeat = "heartbeat";
    /// <summary>supervisor → agent: <see cref="CommandRequest"/>.</summary>
    public const string Command = "command";
    /// <summary>agent → supervisor: <see cref="CommandAccepted"/>, the agent started running a command.</summary>
    public const string CommandAccepted = "command_accepted";
    /// <summary>agent → supervisor: <see cref="CommandResult"/>.</summary>
    public const string CommandResult = "command_result";
}
