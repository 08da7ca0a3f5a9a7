namespace SparkCleanlab.Core.Scoring;

/// <summary>
/// numpy's pairwise summation of a contiguous run of doubles (eight running partial sums,
/// halves above 128 values), so that row sums match the reference to the last bit. numpy
/// reduces through its 8,192-element buffer: each buffer is summed pairwise and the buffers'
/// sums are added in turn.
/// </summary>
internal static class PairwiseSum
{
    /// <summary>numpy's reduction buffer, in elements (NPY_BUFSIZE).</summary>
    public const int ReductionBuffer = 8192;

    private const int BlockSize = 128;

    /// <summary>The sum as <c>np.sum(values)</c> computes it.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        var sum = Pairwise(values[..Math.Min(values.Length, ReductionBuffer)]);
        for (var start = ReductionBuffer; start < values.Length; start += ReductionBuffer)
        {
            sum += Pairwise(values.Slice(start, Math.Min(ReductionBuffer, values.Length - start)));
        }

        return sum;
    }

    private static double Pairwise(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += values[i];
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += values[i + j];
                }
            }

            var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                result += values[i];
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
