using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Core.Tests.Estimation;

/// <summary>
/// A confident joint from out-of-fold probabilities of the digits data (real_digits at 17 %
/// noise, bench seed 10), and cleanlab 2.9.0's calibration of it. Row 3 scales 64, 8 and 1 to
/// fractions of .428571... that differ only in their last bits, and the bit that decides which
/// rounds up comes from the matrix total, which numpy sums down the columns: summed along the
/// rows, the total is 1258.0 instead of 1257.9999999999998 and the wrong entry rounds up.
/// </summary>
public class CalibrationTests
{
    [Fact]
    public void CalibrationRoundsNearTiesAsTheReferenceDoes()
    {
        long[,] raw =
        {
            { 111, 0, 0, 12, 2, 1, 1, 8, 8, 8 },
            { 1, 82, 0, 0, 2, 0, 3, 0, 0, 0 },
            { 0, 0, 87, 2, 1, 0, 1, 0, 0, 3 },
            { 0, 0, 3, 64, 8, 1, 2, 2, 2, 2 },
            { 0, 5, 1, 3, 80, 0, 5, 1, 1, 3 },
            { 0, 1, 0, 1, 0, 110, 3, 1, 0, 5 },
            { 1, 1, 0, 1, 0, 0, 67, 1, 4, 6 },
            { 1, 0, 0, 2, 0, 0, 7, 82, 2, 5 },
            { 1, 0, 0, 6, 1, 0, 5, 1, 72, 2 },
            { 4, 0, 1, 1, 2, 0, 1, 3, 5, 58 },
        };
        long[,] reference =
        {
            { 119, 0, 0, 13, 2, 1, 1, 8, 9, 9 },
            { 1, 115, 0, 0, 3, 0, 4, 0, 0, 0 },
            { 0, 0, 112, 3, 1, 0, 1, 0, 0, 4 },
            { 0, 0, 4, 92, 11, 1, 3, 3, 3, 3 },
            { 0, 6, 1, 4, 102, 0, 7, 1, 1, 4 },
            { 0, 1, 0, 1, 0, 126, 3, 1, 0, 6 },
            { 1, 1, 0, 1, 0, 0, 91, 2, 6, 8 },
            { 1, 0, 0, 2, 0, 0, 9, 101, 3, 6 },
            { 1, 0, 0, 8, 1, 0, 7, 2, 101, 3 },
            { 6, 0, 1, 1, 3, 0, 2, 5, 8, 87 },
        };
        long[] labelCounts = Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 10).Sum(j => reference[i, j])).ToArray();

        long[,] calibrated = ConfidentJoint.Calibrate(raw, labelCounts);

        Assert.Equal(reference, calibrated);
    }
}
