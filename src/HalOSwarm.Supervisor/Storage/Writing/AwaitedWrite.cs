namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>An op its caller waits for: <see cref="Completion"/> completes once the batch holding it is committed.</summary>
internal abstract record AwaitedWrite : WriteOp
{
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool Isolated => true;

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
