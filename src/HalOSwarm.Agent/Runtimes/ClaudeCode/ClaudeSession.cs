using System.Collections.Concurrent;
using System.Text;
using HalOSwarm.Agent.Runtimes.Detached;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// One Claude Code session as the agent holds it: its folder (<c>state_dir/runtimes/claude-code/&lt;id&gt;/</c>
/// with the program's stdin FIFO, stdout, stderr and pid file), the program run for it (if any), the
/// mapper rebuilt from its output, and the task that tails that output.
/// </summary>
internal sealed class ClaudeSession(string sessionId, string folder)
{
    private readonly ConcurrentDictionary<string, byte> _unanswered = new(StringComparer.Ordinal);

    public string SessionId { get; } = sessionId;

    public string Folder { get; } = folder;

    public string OutputPath => Path.Combine(Folder, "stdout");

    /// <summary>Key of the durable cursor over <see cref="OutputPath"/>.</summary>
    public string CursorKey => "claude-code:" + SessionId;

    /// <summary>Serializes starting, prompting and stopping.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public ClaudeStreamMapper Mapper { get; private set; } = new(sessionId);

    public DetachedProcess? Process { get; set; }

    /// <summary>The tail of the current process's output; ends once the process is gone and everything was recorded.</summary>
    public Task? Tail { get; set; }

    public bool IsAlive => Process?.IsAlive == true;

    /// <summary>A prompt was written and the program has not echoed it yet, or a turn is open.</summary>
    public bool IsBusy => IsAlive && (Mapper.TurnOpen || !_unanswered.IsEmpty);

    public void PromptWritten(string uuid) => _unanswered[uuid] = 0;

    public void PromptTaken(string uuid) => _unanswered.TryRemove(uuid, out _);

    public void ForgetPrompts() => _unanswered.Clear();

    /// <summary>Waits until the program holds its stdin FIFO open (see <see cref="DetachedProcess.WaitForInputAsync"/>).</summary>
    public Task WaitForInputAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Process is { } process
            ? process.WaitForInputAsync(timeout, cancellationToken)
            : throw new InvalidOperationException("the program is not running");

    /// <summary>Appends one of the agent's own lines (<c>{"type":"hal",…}</c>) to the output, where the tail reads it in order.</summary>
    public void AppendAgentLine(string json)
    {
        Directory.CreateDirectory(Folder);
        using var stream = new FileStream(OutputPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(json + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>A fresh mapper fed the output up to <paramref name="position"/> (what was already recorded), its events discarded.</summary>
    public void Rebuild(long position, DateTimeOffset now)
    {
        Mapper = new ClaudeStreamMapper(SessionId);
        if (position <= 0 || !File.Exists(OutputPath))
        {
            return;
        }
        using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = (int)Math.Min(position, stream.Length);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        var start = 0;
        for (var i = 0; i < length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Mapper.Map(Encoding.UTF8.GetString(bytes, start, i - start), now);
                start = i + 1;
            }
        }
    }
}
