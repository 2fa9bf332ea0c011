namespace HalOSwarm.Protocol;

/// <summary>Command types an agent executes.</summary>
public static class CommandTypes
{
    /// <summary>Create a session in <c>project</c>; args: <c>{prompt?, title?, model?}</c>; result: <c>{session_id}</c>.</summary>
    public const string Start = "start";
    /// <summary>Send text to a session; args: <c>{text}</c>.</summary>
    public const string Prompt = "prompt";
    /// <summary>Stop the session's current turn.</summary>
    public const string Abort = "abort";
    /// <summary>End the session and delete it in the runtime.</summary>
    public const string Kill = "kill";
    /// <summary>Report the runtime's view of a session; result: <c>{status, ...}</c>.</summary>
    public const string Status = "status";

    public static bool IsKnown(string type) => type is Start or Prompt or Abort or Kill or Status;
}
