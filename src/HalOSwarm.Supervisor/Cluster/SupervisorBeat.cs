using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>A supervisor's heartbeat row: who it is, since when, last seen, and whether it leads.</summary>
internal sealed record SupervisorBeat(string SupervisorId, string Hostname, string Version, DateTimeOffset StartedAt, DateTimeOffset At, bool Leader)
    : AwaitedWrite;

/// <summary>Upserts the <c>supervisors</c> row; a leader's beat also clears the flag of any other (a leader that died).</summary>
internal sealed class SupervisorBeatHandler : IWriteHandler<SupervisorBeat>
{
    private readonly DbCommand _upsert;
    private readonly DbCommand _others;

    public SupervisorBeatHandler(IWriteContext context)
    {
        _upsert = context.Prepare("""
            INSERT INTO supervisors (supervisor_id, hostname, version, started_at, heartbeat_at, leader)
            VALUES (@id, @host, @version, @started, @at, @leader)
            ON CONFLICT (supervisor_id) DO UPDATE SET hostname = excluded.hostname, version = excluded.version,
                started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, leader = excluded.leader
            """, "@id", "@host", "@version", "@started", "@at", "@leader");
        _others = context.Prepare("UPDATE supervisors SET leader = 0 WHERE supervisor_id <> @id AND leader <> 0", "@id");
    }

    public void Apply(SupervisorBeat op, WriteBatch batch)
    {
        _upsert.Run(op.SupervisorId, op.Hostname, op.Version, SqliteTime.Format(op.StartedAt), SqliteTime.Format(op.At), op.Leader ? 1L : 0L);
        if (op.Leader)
        {
            _others.Run(op.SupervisorId);
        }
        batch.Completed(op);
    }
}
