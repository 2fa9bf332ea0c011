namespace HalOSwarm.Supervisor.Storage.Writing;

internal static class StorageWriterExtensions
{
    /// <summary>Queues <paramref name="op"/> and returns once it is committed (or throws what its handler threw).</summary>
    public static async Task WriteAsync(this IStorageWriter writer, AwaitedWrite op, CancellationToken cancellationToken)
    {
        await writer.EnqueueAsync(op, cancellationToken);
        await op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues <paramref name="op"/> and returns its result once it is committed.</summary>
    public static async Task<TResult> WriteAsync<TResult>(this IStorageWriter writer, AwaitedWrite<TResult> op, CancellationToken cancellationToken)
    {
        await writer.EnqueueAsync(op, cancellationToken);
        return await op.Completion.Task.WaitAsync(cancellationToken);
    }
}
