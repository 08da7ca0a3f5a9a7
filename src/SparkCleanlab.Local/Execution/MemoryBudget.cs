namespace SparkCleanlab.Local.Execution;

/// <summary>
/// The bytes the engine's working memory may take (<c>--memory-mb</c>), shared by the row cache and every batch
/// in flight: a worker reserves a batch's estimated bytes before reading it and waits while the budget is spent,
/// so the number of live batches follows the budget, not the thread count. A batch larger than the whole budget
/// runs alone. Waiters are served in arrival order, so a large batch is not starved by small ones.
/// </summary>
internal sealed class MemoryBudget
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _available;
    private long _held;

    /// <summary>A budget of <paramref name="bytes"/>.</summary>
    public MemoryBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        Total = bytes;
        _available = bytes;
    }

    /// <summary>The whole budget in bytes.</summary>
    public long Total { get; }

    /// <summary>Bytes not reserved right now.</summary>
    public long Available
    {
        get
        {
            lock (_lock)
            {
                return _available;
            }
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> (at most the budget not held across passes) once they are free; dispose
    /// the lease to give them back.
    /// </summary>
    public async ValueTask<Lease> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        TaskCompletionSource granted;
        lock (_lock)
        {
            bytes = Math.Clamp(bytes, 0, Total - _held);
            if (_waiting.Count == 0 && _available >= bytes)
            {
                _available -= bytes;
                return new Lease(this, bytes);
            }

            granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((bytes, granted));
        }

        // A cancelled wait ends the run, so bytes granted to it later are never needed back.
        await granted.Task.WaitAsync(cancellationToken);
        return new Lease(this, bytes);
    }

    /// <summary>
    /// Holds <paramref name="bytes"/> across passes (the row cache) if they are free now; false otherwise. Batches
    /// then reserve at most what is left, so one batch can always run.
    /// </summary>
    public bool TryHold(long bytes)
    {
        lock (_lock)
        {
            if (bytes > _available)
            {
                return false;
            }

            _available -= bytes;
            _held += bytes;
            return true;
        }
    }

    /// <summary>Gives back <paramref name="bytes"/> held with <see cref="TryHold"/>.</summary>
    public void Unhold(long bytes)
    {
        lock (_lock)
        {
            _held -= bytes;
        }

        Give(bytes);
    }

    private void Give(long bytes)
    {
        lock (_lock)
        {
            _available += bytes;
            while (_waiting.TryPeek(out var next) && next.Bytes <= _available)
            {
                _available -= next.Bytes;
                _waiting.Dequeue();
                next.Granted.SetResult();
            }
        }
    }

    /// <summary>Reserved bytes, given back on dispose.</summary>
    public readonly struct Lease(MemoryBudget budget, long bytes) : IDisposable
    {
        /// <summary>Gives the bytes back.</summary>
        public void Dispose() => budget?.Give(bytes);
    }
}
