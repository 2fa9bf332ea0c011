using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Events;

internal static class EventSinkExtensions
{
    /// <summary>Runs <paramref name="work"/> in the writer's next transaction and returns once that is committed.</summary>
    public static async Task RunInWriterAsync(this IEventSink sink, Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken)
    {
        var call = new WriterCall(work);
        await sink.EnqueueAsync(call, cancellationToken);
        await call.Done.Task.WaitAsync(cancellationToken);
    }
}
