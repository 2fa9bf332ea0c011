namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>The writer's thread: builds each batch from the two lanes, applies it through the handlers, commits, retries.</summary>
internal sealed partial class StorageWriter
{
    private void Run(CancellationToken cancellationToken)
    {
        try
        {
            // The scope is the loop's lifetime: the provider's connection and every handler (with its prepared
            // statements) are created here, on this thread, and disposed when the loop ends.
            using var scope = _scopes.CreateScope();
            var services = scope.ServiceProvider;
            var transaction = services.GetRequiredService<IWriteTransaction>();
            transaction.Open(cancellationToken);
            var handlers = _registrations.ToDictionary(r => r.OpType, r => r.Bind(services));
            var participants = services.GetServices<IWriteBatchParticipant>().ToArray();
            var batch = new BatchRun(this, transaction, handlers, participants);
            _health = "ok";
            while (WaitForWork(cancellationToken))
            {
                batch.Write(cancellationToken);
            }
            _health = "stopped";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _health = "stopped";
        }
        catch (Exception ex)
        {
            _health = $"writer failed: {ex.Message}";
            LogWriterFailed(_logger, ex);
            throw;
        }
    }

    /// <summary>Blocks the writer's thread until an op is queued in either lane; false once both are completed and empty.</summary>
    private bool WaitForWork(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (HasWork())
            {
                return true;
            }
            if (Drained())
            {
                return false;
            }
            // Reset, then look again: an op queued between the first look and the reset has set the event before
            // the reset cleared it, so it must be seen here (Set and Reset are both full fences).
            _work.Reset();
            if (HasWork() || Drained())
            {
                continue;
            }
            _work.Wait(cancellationToken);
        }
    }

    private bool HasWork() => _priority.Reader.TryPeek(out _) || _bulk.Reader.TryPeek(out _);

    /// <summary>Both lanes are completed and empty: the writer has nothing more to do.</summary>
    private bool Drained() => _priority.Reader.Completion.IsCompleted && _bulk.Reader.Completion.IsCompleted;
}
