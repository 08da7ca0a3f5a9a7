using System.Buffers;
using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>Handles one class's binary rows of a multi-label batch.</summary>
/// <param name="classIndex">The class k.</param>
/// <param name="binary">Rows of the one-vs-rest problem of class k, positions as in the multi-label batch.</param>
internal delegate void BinaryBatchAction(int classIndex, RowBatch binary);

/// <summary>
/// The reference's view of a multi-label dataset: for each class k, a two-class problem whose
/// given label is 1 when k is among the row's labels and 0 otherwise, with probabilities
/// <c>[1 - p[k], p[k]]</c> (its stack_complement). Every multi-label figure is the
/// single-label algorithm on these K problems, so the single-label states run on them
/// unchanged. The binary rows are written chunk by chunk into pooled buffers.
/// </summary>
internal static class OneVsRest
{
    /// <summary>Binary classes: absent (0) and present (1).</summary>
    public const int BinaryClassCount = 2;

    // Rows projected at once: one class's binary chunk (20 KiB) and the multi-label rows it comes from stay in cache.
    private const int Chunk = 1024;

    /// <summary>Calls <paramref name="action"/> for every class on every chunk of the batch's rows, chunk after chunk.</summary>
    public static void ForEachClass(MultiLabelBatch batch, BinaryBatchAction action) => ForClasses(batch, null, action);

    /// <summary>As <see cref="ForEachClass"/>, for the listed classes only (all when null).</summary>
    public static void ForClasses(MultiLabelBatch batch, int[]? classes, BinaryBatchAction action)
    {
        var k = batch.ClassCount;
        var labels = ArrayPool<int>.Shared.Rent(Chunk);
        var probabilities = ArrayPool<double>.Shared.Rent(Chunk * BinaryClassCount);
        try
        {
            for (var offset = 0; offset < batch.Count; offset += Chunk)
            {
                var chunk = batch.Slice(offset, Math.Min(Chunk, batch.Count - offset));
                if (classes is null)
                {
                    for (var c = 0; c < k; c++)
                    {
                        action(c, Project(chunk, c, labels, probabilities));
                    }
                }
                else
                {
                    foreach (var c in classes)
                    {
                        action(c, Project(chunk, c, labels, probabilities));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(labels);
            ArrayPool<double>.Shared.Return(probabilities);
        }
    }

    /// <summary>Writes class <paramref name="classIndex"/>'s binary rows of <paramref name="batch"/> into the buffers.</summary>
    public static RowBatch Project(MultiLabelBatch batch, int classIndex, Span<int> labels, Span<double> probabilities)
    {
        var k = batch.ClassCount;
        var n = batch.Count;
        var given = batch.Given;
        var source = batch.Probabilities;
        for (var i = 0; i < n; i++)
        {
            var at = (i * k) + classIndex;
            var p = source[at];
            labels[i] = given[at] ? 1 : 0;
            probabilities[2 * i] = 1 - p;
            probabilities[(2 * i) + 1] = p;
        }

        return new RowBatch(labels[..n], probabilities[..(n * BinaryClassCount)], BinaryClassCount, batch.FirstPosition);
    }
}
