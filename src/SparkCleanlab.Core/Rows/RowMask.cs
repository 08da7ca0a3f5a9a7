using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SparkCleanlab.Core.Rows;

/// <summary>
/// Comparisons of a row's probabilities as bit masks (bit j for class j), four classes per
/// AVX instruction with a scalar twin. A mask turns the reference's per-row argmax and
/// "is any class above" questions into bit arithmetic, with no data-dependent branches.
/// Only for rows of at most <see cref="MaxClasses"/> classes.
/// </summary>
internal static class RowMask
{
    /// <summary>The widest row a mask can describe.</summary>
    public const int MaxClasses = 64;

    /// <summary>Bit j set when <c>row[j] &gt;= value</c>.</summary>
    public static ulong GreaterOrEqual(ReadOnlySpan<double> row, double value) => Compare<AtLeast>(row, value);

    /// <summary>Bit j set when <c>row[j] &gt; value</c>.</summary>
    public static ulong GreaterThan(ReadOnlySpan<double> row, double value) => Compare<Above>(row, value);

    /// <summary>Bit j set when <c>row[j] &gt;= cuts[j]</c>.</summary>
    public static ulong GreaterOrEqual(ReadOnlySpan<double> row, ReadOnlySpan<double> cuts)
    {
        ulong mask = 0;
        var j = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= 4)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            ref var cut = ref MemoryMarshal.GetReference(cuts);
            for (; j < row.Length; j += 4)
            {
                j = Math.Min(j, row.Length - 4);
                var ge = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref start, (nuint)j), Vector256.LoadUnsafe(ref cut, (nuint)j));
                mask |= (ulong)ge.ExtractMostSignificantBits() << j;
            }
        }

        for (; j < row.Length; j++)
        {
            mask |= (row[j] >= cuts[j] ? 1UL : 0UL) << j;
        }

        return mask;
    }

    /// <summary>The mask with a bit for each of <paramref name="classCount"/> classes.</summary>
    public static ulong All(int classCount) => classCount >= 64 ? ulong.MaxValue : (1UL << classCount) - 1;

    /// <summary>The largest value of the row; with a NaN in the row, undefined.</summary>
    public static double Max(ReadOnlySpan<double> row)
    {
        var j = 0;
        var max = double.NegativeInfinity;
        if (Vector256.IsHardwareAccelerated && row.Length >= 4)
        {
            // vmaxpd without NaN handling, and no branch: the lane holding the maximum is
            // different from row to row, so a branch would mispredict half the time.
            ref var start = ref MemoryMarshal.GetReference(row);
            var m = Vector256.LoadUnsafe(ref start);
            for (j = 4; j < row.Length; j += 4)
            {
                // The last chunk overlaps the one before it: a maximum does not mind.
                j = Math.Min(j, row.Length - 4);
                m = Vector256.MaxNative(m, Vector256.LoadUnsafe(ref start, (nuint)j));
            }

            var half = Vector128.MaxNative(m.GetLower(), m.GetUpper());
            return Vector128.MaxNative(half, Vector128.Shuffle(half, Vector128.Create(1L, 0L))).ToScalar();
        }

        for (; j < row.Length; j++)
        {
            max = Higher(max, row[j]);
        }

        return max;
    }

    /// <summary>Index of the lowest set bit: the first class of a mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int First(ulong mask) => BitOperations.TrailingZeroCount(mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Higher(double a, double b) => b > a ? b : a;

    // One loop for every comparison with a single value; the comparison is a type argument, so
    // each instantiation compiles to its own instructions with no call in the loop.
    private static ulong Compare<TComparison>(ReadOnlySpan<double> row, double value)
        where TComparison : IComparison
    {
        ulong mask = 0;
        var j = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= 4)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            var v = Vector256.Create(value);
            for (; j < row.Length; j += 4)
            {
                // The last chunk overlaps the one before it: OR-ing a bit twice changes nothing.
                j = Math.Min(j, row.Length - 4);
                mask |= (ulong)TComparison.Of(Vector256.LoadUnsafe(ref start, (nuint)j), v).ExtractMostSignificantBits() << j;
            }
        }

        for (; j < row.Length; j++)
        {
            mask |= (TComparison.Of(row[j], value) ? 1UL : 0UL) << j;
        }

        return mask;
    }

    private interface IComparison
    {
        static abstract Vector256<double> Of(Vector256<double> left, Vector256<double> right);

        static abstract bool Of(double left, double right);
    }

    private readonly struct AtLeast : IComparison
    {
        public static Vector256<double> Of(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThanOrEqual(left, right);

        public static bool Of(double left, double right) => left >= right;
    }

    private readonly struct Above : IComparison
    {
        public static Vector256<double> Of(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThan(left, right);

        public static bool Of(double left, double right) => left > right;
    }
}
