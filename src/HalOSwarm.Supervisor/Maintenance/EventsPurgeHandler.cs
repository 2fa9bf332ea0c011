using System.Data.Common;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// Applies <see cref="EventsPurge"/> on the writer's thread. The open readers are asked again here: a live stream
/// that began catching up from an old id after the batch was chosen keeps its events (they stay for the next pass).
/// </summary>
internal sealed class EventsPurgeHandler(IWriteContext context, OpenFeedReaders readers) : IWriteHandler<EventsPurge>
{
    private readonly DbCommand _delete = context.Prepare("DELETE FROM events WHERE id = @id", "@id");

    public void Apply(EventsPurge op, WriteBatch batch)
    {
        var neededAfter = readers.LowestNeededAfter() ?? long.MaxValue;
        var deleted = 0;
        foreach (var id in op.Ids)
        {
            if (id <= neededAfter)
            {
                deleted += _delete.Run(id);
            }
        }
        batch.Completed(op, deleted);
    }
}
