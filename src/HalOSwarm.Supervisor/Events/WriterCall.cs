using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// A write of another feature (command state, audit) run by the single writer inside its next batch transaction, in
/// a savepoint of its own: it never waits for SQLite's write lock between the writer's commits, and it costs no
/// transaction of its own. <see cref="Done"/> completes after the commit, or faults with what <see cref="Work"/> threw
/// (only its own changes are rolled back). Keep the work short: the batch waits for it.
/// </summary>
internal sealed record WriterCall(Action<SqliteConnection, SqliteTransaction> Work) : WriteOp
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
