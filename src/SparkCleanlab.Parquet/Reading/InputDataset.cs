using SparkCleanlab.Parquet.Input.Npy;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// An opened input: its detected schema and its partitions in deterministic order. Partitions are read one at a
/// time on demand, so memory is bounded by the batches the caller holds, never by the data set.
/// </summary>
internal abstract class InputDataset
{
    private int _batchesInUse;

    private protected InputDataset(DatasetSchema schema, IReadOnlyList<InputPartition> partitions)
    {
        Schema = schema;
        Partitions = partitions;
        RowCount = partitions.Sum(p => p.RowCount);
    }

    /// <summary>What schema detection found.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>The partitions, in the order that defines global row positions.</summary>
    public IReadOnlyList<InputPartition> Partitions { get; }

    /// <summary>Total rows over all partitions.</summary>
    public long RowCount { get; }

    /// <summary>Batches read and not yet disposed; lets callers check that memory stays bounded.</summary>
    public int BatchesInUse => Volatile.Read(ref _batchesInUse);

    /// <summary>
    /// Opens <paramref name="inputPath"/>: a <c>.npy</c> pair (a folder holding <c>labels.npy</c> and
    /// <c>pred_probs.npy</c>, or either file), otherwise Parquet (a file, a folder, a glob, Hive partitions).
    /// </summary>
    public static async Task<InputDataset> OpenAsync(string inputPath, InputSchemaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InputSchemaOptions();
        return NpyPair.TryFind(inputPath) is { } pair
            ? NpyDataset.Open(pair, options)
            : await ParquetDataset.OpenParquetAsync(inputPath, options, cancellationToken);
    }

    /// <summary>Reads one partition; dispose the batch to return its buffers.</summary>
    public async Task<InputBatch> ReadAsync(InputPartition partition, CancellationToken cancellationToken = default)
    {
        using PartitionReader reader = OpenReader();
        return await reader.ReadAsync(partition, cancellationToken);
    }

    /// <summary>
    /// A reader for partitions that one worker reads in order: the slices of a row group then share its decoding.
    /// <paramref name="content"/> says what each read decodes.
    /// </summary>
    public PartitionReader OpenReader(BatchContent content = BatchContent.AllColumns) => new(this, content);

    internal async Task<InputBatch> ReadAsync(PartitionReader reader, InputPartition partition, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchesInUse);
        // Released once: a read that fails after making its batch disposes it, and the failure is counted here too.
        int released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) Interlocked.Decrement(ref _batchesInUse);
        }

        try
        {
            return await ReadBatchAsync(reader, partition, Release, cancellationToken);
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>
    /// Reads one partition into a batch that calls <paramref name="onDispose"/> once when disposed; a read that fails
    /// after making its batch disposes it. What a read keeps open for the next partition lives in <paramref name="reader"/>.
    /// </summary>
    private protected abstract Task<InputBatch> ReadBatchAsync(PartitionReader reader, InputPartition partition, Action onDispose, CancellationToken cancellationToken);
}
