using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// Applies <see cref="EventsPurge"/> on the writer's thread. The open readers are asked again here: a live stream
/// that began catching up from an old id after the batch was chosen keeps its events (they stay for the next pass).
/// </summary>
internal sealed class EventsPurgeHandler(SqliteWriteContext context, OpenFeedReaders readers) : IWriteHandler<EventsPurge>
{
    private readonly SqliteCommand _delete = context.Prepare("DELETE FROM events WHERE id = $id", "$id");

    public void Apply(EventsPurge op, WriteBatch batch)
    {
        var neededAfter = readers.LowestNeededAfter() ?? long.MaxValue;
        var deleted = 0;
        foreach (var id in op.Ids)
        {
            if (id <= neededAfter)
            {
                deleted += SqliteWriteContext.Run(_delete, id);
            }
        }
        batch.Completed(op, deleted);
    }
}
