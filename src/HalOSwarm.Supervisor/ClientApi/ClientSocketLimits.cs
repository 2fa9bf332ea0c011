namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// The client WebSocket's limits (docs/API.md, Client WebSocket API). A message may be as large as the largest command
/// the HTTP API takes (<c>commands.max_prompt_bytes</c> of prompt and the rest) plus <see cref="MessageOverheadBytes"/>;
/// what waits to be sent is bounded by <c>server.sse_buffer_bytes</c>, like a live event stream.
/// </summary>
internal static class ClientSocketLimits
{
    public const int MessageOverheadBytes = 64 * 1024;
    public const int MaxSubscriptions = 16;
    public const int MaxOpenCommands = 16;
    public const int MaxTypes = 32;
    public const int MaxIdChars = 64;
    /// <summary>Messages a client may send per second, sustained; <see cref="MessageBurst"/> at once.</summary>
    public const int MessagesPerSecond = 20;
    public const int MessageBurst = 100;
    /// <summary>How long a command is followed for its result before its state then is sent instead (like <c>?wait=600</c>).</summary>
    public static readonly TimeSpan FollowLimit = TimeSpan.FromSeconds(600);
    /// <summary>How long a held command (a paused budget) is left between two looks at its state.</summary>
    public static readonly TimeSpan HeldPollInterval = TimeSpan.FromSeconds(2);
    /// <summary>How long a closing connection waits for the frame being sent and the close handshake before it is cut.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public static int MaxMessageBytes(int maxPromptBytes) => maxPromptBytes + MessageOverheadBytes;
}
