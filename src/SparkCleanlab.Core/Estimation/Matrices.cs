using System.Runtime.InteropServices;

namespace SparkCleanlab.Core.Estimation;

/// <summary>Small K x K helpers for the driver-side estimation.</summary>
internal static class Matrices
{
    /// <summary>The reference's TINY_VALUE, the floor of every divisor.</summary>
    public const double Tiny = 1e-100;

    /// <summary>
    /// <c>m.sum(axis=1)</c> of a C-ordered matrix: numpy sums each contiguous row pairwise, which
    /// from eight columns on adds in another order than left to right.
    /// </summary>
    public static double[] RowSums(double[,] m)
    {
        var columns = m.GetLength(1);
        var sums = new double[m.GetLength(0)];
        if (m.Length == 0)
        {
            return sums;
        }

        var all = MemoryMarshal.CreateReadOnlySpan(ref m[0, 0], m.Length);
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = Scoring.PairwiseSum.Of(all.Slice(i * columns, columns));
        }

        return sums;
    }

    /// <summary><c>m.sum(axis=0)</c>: numpy adds whole rows in turn, so each column sums top to bottom.</summary>
    public static double[] ColumnSums(double[,] m)
    {
        var sums = new double[m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += m[i, j];
            }
        }

        return sums;
    }

    public static double[,] ToDouble(long[,] m)
    {
        var result = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                result[i, j] = m[i, j];
            }
        }

        return result;
    }

    public static double[] Multiply(double[,] m, double[] v)
    {
        var result = new double[m.GetLength(0)];
        for (var i = 0; i < result.Length; i++)
        {
            double sum = 0;
            for (var j = 0; j < v.Length; j++)
            {
                sum += m[i, j] * v[j];
            }

            result[i] = sum;
        }

        return result;
    }

    public static double Sum(double[] v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += x;
        }

        return sum;
    }
}
