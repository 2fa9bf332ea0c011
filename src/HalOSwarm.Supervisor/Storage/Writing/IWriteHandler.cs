namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// Applies one type of op inside the writer's open transaction. A feature implements it for its ops and registers it
/// with <see cref="WritingServiceCollectionExtensions.AddWriteHandler{TOp, THandler}"/>. Handlers are scoped to the
/// writer's loop and run on its thread only, so they may keep prepared statements and per-batch state.
/// </summary>
internal interface IWriteHandler<in TOp> where TOp : WriteOp
{
    void Apply(TOp op, WriteBatch batch);
}
