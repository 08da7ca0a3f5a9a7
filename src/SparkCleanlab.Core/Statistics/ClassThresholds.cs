namespace SparkCleanlab.Core.Statistics;

/// <summary>
/// Per-class confident thresholds t[k]: the mean self-confidence p[k] of the rows labeled k.
/// A row is confidently of class j when p[j] &gt;= t[j] - 1e-6.
/// </summary>
public sealed class ClassThresholds
{
    /// <summary>Threshold of a class that no row has as its given label: unreachable, as in the reference (BIG_VALUE = 2).</summary>
    public const double NeverGiven = 2.0;

    /// <summary>Thresholds are clipped below at 2e-6 (CONFIDENT_THRESHOLDS_LOWER_BOUND), above the comparison slack.</summary>
    public const double LowerBound = 2e-6;

    private readonly double[] _values;

    /// <summary>Wraps thresholds already computed.</summary>
    public ClassThresholds(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The thresholds, one per class.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of classes.</summary>
    public int ClassCount => _values.Length;

    /// <summary>Threshold of class <paramref name="k"/>.</summary>
    public double this[int k] => _values[k];

    /// <summary>The values at which a probability counts as confident: t[j] - 1e-6, computed once as the reference does.</summary>
    public double[] ConfidenceCuts()
    {
        var cuts = new double[_values.Length];
        for (var j = 0; j < cuts.Length; j++)
        {
            cuts[j] = _values[j] - Rows.RowMath.FloatingPointComparison;
        }

        return cuts;
    }

    /// <summary>A copy of the thresholds.</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
