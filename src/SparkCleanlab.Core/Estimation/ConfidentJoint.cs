using SparkCleanlab.Core.Joint;

namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// The confident joint C[given, true guess] of the reference: raw counts with the diagonal
/// clipped to at least one, and its calibration, whose rows sum to the given-label counts
/// and whose total is n.
/// </summary>
public sealed class ConfidentJoint
{
    private ConfidentJoint(long[,] counts, long[,] calibrated)
    {
        Counts = counts;
        Calibrated = calibrated;
    }

    /// <summary>Uncalibrated counts, diagonal clipped to &gt;= 1.</summary>
    public long[,] Counts { get; }

    /// <summary>Calibrated counts (calibrate_confident_joint).</summary>
    public long[,] Calibrated { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => Counts.GetLength(0);

    /// <summary>Builds both matrices from the stage 2 counts and the per-class label counts.</summary>
    internal static ConfidentJoint From(ConfidentJointCounter counter, ReadOnlySpan<long> labelCounts)
    {
        var k = counter.ClassCount;
        var counts = new long[k, k];
        var raw = counter.Counts;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                counts[i, j] = raw[(i * k) + j];
            }

            counts[i, i] = Math.Max(counts[i, i], 1);
        }

        return new ConfidentJoint(counts, Calibrate(counts, labelCounts));
    }

    /// <summary>
    /// calibrate_confident_joint: each row scaled to its given-label count, then the whole
    /// matrix scaled to n, then rows rounded preserving their totals.
    /// </summary>
    public static long[,] Calibrate(long[,] counts, ReadOnlySpan<long> labelCounts)
    {
        // numpy sums the whole matrix pairwise in memory order, and the reference's scaled matrix is
        // column-major (compute_confident_joint returns confusion_matrix(...).T, numpy's arithmetic
        // keeps an operand's layout, and calibration's own two transposes cancel out), so the total
        // runs down the columns: each entry is also stored in that order. The total's last bit
        // decides which entries round up when their fractions nearly tie.
        var k = counts.GetLength(0);
        var scaled = new double[k, k];
        var columnMajor = new double[k * k];
        double labelTotal = 0;
        for (var i = 0; i < k; i++)
        {
            double rowSum = 0;
            for (var j = 0; j < k; j++)
            {
                rowSum += counts[i, j];
            }

            rowSum = Math.Max(rowSum, Matrices.Tiny);
            for (var j = 0; j < k; j++)
            {
                scaled[i, j] = columnMajor[(j * k) + i] = counts[i, j] / rowSum * labelCounts[i];
            }

            labelTotal += labelCounts[i];
        }

        var total = Math.Max(Scoring.PairwiseSum.Of(columnMajor), Matrices.Tiny);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                scaled[i, j] = scaled[i, j] / total * labelTotal;
            }
        }

        return RoundPreservingSum.RoundRows(scaled);
    }

    /// <summary>The calibrated joint normalised to sum to one (estimate_joint).</summary>
    public double[,] EstimateJoint()
    {
        var k = ClassCount;
        double total = 0;
        foreach (var c in Calibrated)
        {
            total += c;
        }

        total = Math.Max(total, Matrices.Tiny);
        var joint = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                joint[i, j] = Calibrated[i, j] / total;
            }
        }

        return joint;
    }
}
