using System.Buffers;

namespace SparkCleanlab.Parquet.Memory;

/// <summary>
/// The pool every batch-sized buffer (decoded rows, column values and levels, gathered rows) comes from. The
/// shared <see cref="ArrayPool{T}.Shared"/> keeps a returned array in the returning thread's own slot; batches
/// are read and written by async code that hops threads, so with many threads every slot ends up holding a
/// batch-sized array and memory grows with the thread count. This pool has no per-thread slots: it keeps a few
/// arrays per size, whatever the threads, and drops the rest to the collector.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal static class BatchBuffers<T>
{
    // Arrays kept per power-of-two size: enough for the buffers of one batch in flight and one being written.
    private const int ArraysPerSize = 4;

    /// <summary>The pool.</summary>
    public static ArrayPool<T> Shared { get; } = ArrayPool<T>.Create(Array.MaxLength, ArraysPerSize);
}
