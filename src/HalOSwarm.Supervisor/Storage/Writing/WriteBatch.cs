namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>What handlers share about the batch being written: its time and the completions to run after the commit.</summary>
internal sealed class WriteBatch
{
    private readonly List<Action> _afterCommit = [];

    /// <summary>The time the transaction began, for rows that record when they were written.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Runs <paramref name="action"/> once the batch is committed (never if it is rolled back).</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public void Completed(AwaitedWrite op) => _afterCommit.Add(() => op.Completion.TrySetResult());

    public void Completed<TResult>(AwaitedWrite<TResult> op, TResult result) => _afterCommit.Add(() => op.Completion.TrySetResult(result));

    internal void Begin(DateTimeOffset now)
    {
        Now = now;
        _afterCommit.Clear();
    }

    internal void RunAfterCommit()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }
        _afterCommit.Clear();
    }
}
