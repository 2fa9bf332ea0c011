namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>An op whose caller waits for a result: <see cref="Completion"/> carries it once the batch is committed.</summary>
internal abstract record AwaitedWrite<TResult> : WriteOp
{
    public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool Isolated => true;

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
