namespace HalOSwarm.Protocol;

/// <summary>Versions of the agent ↔ supervisor wire protocol this build speaks.</summary>
public static class ProtocolInfo
{
    /// <summary>The version this build prefers.</summary>
    public const int Current = 1;

    /// <summary>The oldest version this build still accepts.</summary>
    public const int Minimum = 1;

    /// <summary>The path of the agent WebSocket endpoint on the supervisor's agent port.</summary>
    public const string AgentPath = "/ws/agent";

    /// <summary>Largest text frame either side accepts unless configured otherwise (1 MiB).</summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    /// <summary>Most events an agent puts in one <c>events</c> frame unless told otherwise.</summary>
    public const int DefaultMaxBatchEvents = 500;

    public static bool IsSupported(int version) => version is >= Minimum and <= Current;
}
