namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// Consecutive classes grouped into at most <see cref="MaxBuckets"/> buckets of equal width,
/// so a matrix over many classes can be drawn as a small grid of bucket-to-bucket totals.
/// </summary>
internal sealed class ClassBuckets
{
    /// <summary>The most buckets along an axis.</summary>
    public const int MaxBuckets = 32;

    private readonly int _classCount;

    /// <summary>Buckets over <paramref name="classCount"/> classes in index order.</summary>
    public ClassBuckets(int classCount)
    {
        _classCount = classCount;
        Width = (int)Math.Ceiling((double)classCount / MaxBuckets);
        Count = (int)Math.Ceiling((double)classCount / Width);
    }

    /// <summary>Classes per bucket (the last may hold fewer).</summary>
    public int Width { get; }

    /// <summary>Number of buckets.</summary>
    public int Count { get; }

    /// <summary>The first class of bucket <paramref name="b"/>.</summary>
    public int First(int b) => b * Width;

    /// <summary>The last class of bucket <paramref name="b"/>.</summary>
    public int Last(int b) => Math.Min(_classCount, (b + 1) * Width) - 1;

    /// <summary>The bucket of class <paramref name="c"/>.</summary>
    public int Of(int c) => c / Width;

    /// <summary>Bucket-to-bucket sums of <paramref name="matrix"/>.</summary>
    public double[,] Sum(Func<int, int, double> matrix)
    {
        var sums = new double[Count, Count];
        for (var i = 0; i < _classCount; i++)
        {
            for (var j = 0; j < _classCount; j++)
            {
                sums[Of(i), Of(j)] += matrix(i, j);
            }
        }

        return sums;
    }

    /// <summary>
    /// P(given in bucket a | true in bucket b) from P(given | true) and the prior of true labels:
    /// each true class weighs by its prior, so the columns still sum to one.
    /// </summary>
    public double[,] Conditional(double[,] noise, double[] priors)
    {
        var sums = Sum((i, j) => noise[i, j] * priors[j]);
        var columnPriors = new double[Count];
        for (var j = 0; j < _classCount; j++)
        {
            columnPriors[Of(j)] += priors[j];
        }

        for (var a = 0; a < Count; a++)
        {
            for (var b = 0; b < Count; b++)
            {
                sums[a, b] = columnPriors[b] > 0 ? sums[a, b] / columnPriors[b] : 0;
            }
        }

        return sums;
    }
}
