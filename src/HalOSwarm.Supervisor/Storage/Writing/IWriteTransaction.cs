namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// The storage provider's side of the writer: one connection, owned by the writer's thread. SQLite implements it
/// (<see cref="Sqlite.SqliteWriteContext"/>); a second provider implements it with its own handlers.
/// </summary>
internal interface IWriteTransaction
{
    /// <summary>Opens the writer's connection; called once on the writer's thread before any handler is created.</summary>
    void Open(CancellationToken cancellationToken);

    void Begin();

    void Commit();

    /// <summary>Undoes the open transaction, if any; never throws for a transaction already gone.</summary>
    void Rollback();

    /// <summary>Marks a point inside the transaction that <see cref="RollbackToSavepoint"/> returns to.</summary>
    void Savepoint();

    void ReleaseSavepoint();

    void RollbackToSavepoint();

    /// <summary>True for any failure of the database: the batch is rolled back and retried.</summary>
    bool IsStorageFailure(Exception exception);

    /// <summary>
    /// True for a failure that says nothing about the op itself (locked, busy, I/O, full disk): an isolated op that
    /// meets one is retried with its batch instead of failing alone (as it does for a broken constraint).
    /// </summary>
    bool IsTransient(Exception exception);

    /// <summary>Between transactions, after the batch's completions ran: housekeeping such as a checkpoint.</summary>
    void AfterCommit();
}
