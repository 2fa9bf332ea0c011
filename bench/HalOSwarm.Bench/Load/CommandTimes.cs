using System.Collections.Concurrent;

namespace HalOSwarm.Bench.Load;

/// <summary>
/// When the simulated agents read each command frame and sent its result (Stopwatch timestamps of this process, by
/// command id), so a round trip measured by the API caller splits into the supervisor's way in, the agent's turnaround
/// and the supervisor's way out. Entries are taken once read.
/// </summary>
internal sealed class CommandTimes
{
    private readonly ConcurrentDictionary<string, (long Read, long Answered)> _times = new(StringComparer.Ordinal);

    public void Record(string commandId, long read, long answered) => _times[commandId] = (read, answered);

    public bool TryTake(string commandId, out (long Read, long Answered) times) => _times.TryRemove(commandId, out times);

    public void Clear() => _times.Clear();
}
