using System.Diagnostics;

namespace HalOSwarm.Supervisor.Storage.Writing;

internal sealed partial class StorageWriter
{
    /// <summary>One batch at a time on the writer's thread: which ops it holds, and how they are applied and committed.</summary>
    private sealed class BatchRun(
        StorageWriter writer,
        IWriteTransaction transaction,
        Dictionary<Type, Action<WriteOp, WriteBatch>> handlers,
        IWriteBatchParticipant[] participants)
    {
        private readonly List<WriteOp> _ops = [];
        private readonly WriteBatch _batch = new();
        private long _begunAt;
        private long _openedAt;
        private bool _hasPriority;

        /// <summary>
        /// Takes the batch from the lanes while applying it (so a priority op that arrives meanwhile ends the bulk
        /// part and commits with it), then commits; on a storage failure rolls back and retries the same ops.
        /// </summary>
        public void Write(CancellationToken cancellationToken)
        {
            _ops.Clear();
            _hasPriority = false;
            var delay = TimeSpan.FromMilliseconds(100);
            var first = true;
            while (true)
            {
                try
                {
                    Begin();
                    if (first)
                    {
                        Fill();
                    }
                    else
                    {
                        foreach (var op in _ops)
                        {
                            Apply(op);
                        }
                    }
                    Commit();
                    return;
                }
                catch (Exception ex) when (transaction.IsStorageFailure(ex))
                {
                    first = false;
                    transaction.Rollback();
                    foreach (var participant in participants)
                    {
                        participant.RolledBack();
                    }
                    writer._health = $"cannot commit: {ex.Message}";
                    LogCommitFailed(writer._logger, _ops.Count, delay.TotalMilliseconds, ex);
                    Task.Delay(delay, writer._timeProvider, cancellationToken).GetAwaiter().GetResult();
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
                }
            }
        }

        private void Fill()
        {
            TakePriority();
            var weight = 0;
            while (weight < writer._maxBatchEvents && writer._bulk.Reader.TryRead(out var op))
            {
                Take(op);
                weight += op.Weight;
                if (writer._priority.Reader.TryPeek(out _))
                {
                    TakePriority(); // someone waits for it: commit now, the rest of the bulk lane goes in the next batch
                    return;
                }
            }
        }

        private void TakePriority()
        {
            while (writer._priority.Reader.TryRead(out var op))
            {
                Interlocked.Decrement(ref writer._priorityPending);
                Take(op);
            }
        }

        private void Take(WriteOp op)
        {
            _ops.Add(op);
            _hasPriority |= op.Lane == WriteLane.Priority;
            writer._observer?.Waited(op.Lane, Stopwatch.GetElapsedTime(op.QueuedAt));
            Apply(op);
        }

        private void Begin()
        {
            _begunAt = Stopwatch.GetTimestamp();
            transaction.Begin();
            _batch.Begin(writer._timeProvider.GetUtcNow());
            foreach (var participant in participants)
            {
                participant.Begin();
            }
            _openedAt = Stopwatch.GetTimestamp();
        }

        private void Apply(WriteOp op)
        {
            if (!handlers.TryGetValue(op.GetType(), out var apply))
            {
                var missing = new InvalidOperationException($"no write handler is registered for {op.GetType().Name}");
                LogNoHandler(writer._logger, op.GetType().Name);
                _batch.AfterCommit(() => op.Fail(missing));
                return;
            }
            if (!op.Isolated)
            {
                apply(op, _batch);
                return;
            }
            transaction.Savepoint();
            foreach (var participant in participants)
            {
                participant.Savepoint();
            }
            try
            {
                apply(op, _batch);
                transaction.ReleaseSavepoint();
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !transaction.IsTransient(ex))
            {
                // Only this op's changes are undone; its caller hears why once the rest of the batch is committed.
                // A transient failure (busy, I/O, full disk) instead fails the batch, which is retried with the op in it.
                transaction.RollbackToSavepoint();
                transaction.ReleaseSavepoint();
                foreach (var participant in participants)
                {
                    participant.RolledBackToSavepoint();
                }
                _batch.AfterCommit(() => op.Fail(ex));
            }
        }

        private void Commit()
        {
            foreach (var participant in participants)
            {
                participant.Flush();
            }
            var committing = Stopwatch.GetTimestamp();
            transaction.Commit();
            var committed = Stopwatch.GetTimestamp();
            writer._observer?.Committed(_hasPriority, Stopwatch.GetElapsedTime(_begunAt, _openedAt), Stopwatch.GetElapsedTime(_openedAt, committing),
                Stopwatch.GetElapsedTime(committing, committed));
            writer._health = "ok";
            _batch.RunAfterCommit();
            foreach (var participant in participants)
            {
                participant.Committed();
            }
            transaction.AfterCommit();
            writer._observer?.AfterCommit(Stopwatch.GetElapsedTime(committed));
        }
    }
}
