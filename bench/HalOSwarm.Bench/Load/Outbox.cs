namespace HalOSwarm.Bench.Load;

/// <summary>
/// The simulated agent's outbox. An event's content is a pure function of its seq (see <see cref="EventMix"/>),
/// so the outbox keeps only each unacknowledged event's creation time, in a ring indexed by seq.
/// </summary>
internal sealed class Outbox
{
    private readonly long[] _createdTicks;
    private readonly long _mask;

    public Outbox(long capacity)
    {
        var size = 1L;
        while (size < capacity)
        {
            size <<= 1;
        }
        _createdTicks = new long[size];
        _mask = size - 1;
    }

    public long Capacity => _createdTicks.LongLength;

    /// <summary>Highest seq created so far (0 before the first).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Creates events <c>LastSeq+1 .. LastSeq+count</c>, all stamped <paramref name="utcTicks"/>.</summary>
    public void Create(long count, long utcTicks)
    {
        for (var i = 0L; i < count; i++)
        {
            LastSeq++;
            _createdTicks[LastSeq & _mask] = utcTicks;
        }
    }

    /// <summary>Free slots given that everything up to <paramref name="ackedSeq"/> may be overwritten.</summary>
    public long Free(long ackedSeq) => Capacity - (LastSeq - ackedSeq);

    public long CreatedTicks(long seq) => _createdTicks[seq & _mask];
}
