using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// What the driver derives from the multi-label stage 1 and 2 states: the single-label
/// estimates of every class's one-vs-rest problem (binary thresholds, 2 x 2 confident joint raw
/// and calibrated, joint, latent estimates, issue counts), and the multi-label issue count.
/// </summary>
public sealed class MultiLabelEstimates
{
    private readonly NoiseEstimates[] _classes;

    private MultiLabelEstimates(NoiseEstimates[] classes, long rowsWithConfidentIssue)
    {
        _classes = classes;
        RowsWithConfidentIssue = rowsWithConfidentIssue;
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>Number of rows n.</summary>
    public long RowCount => _classes[0].RowCount;

    /// <summary>The estimates of class <paramref name="k"/>'s binary problem: class 0 is "not given k", class 1 "given k".</summary>
    public NoiseEstimates this[int k] => _classes[k];

    /// <summary>
    /// Rows that confident_learning flags for at least one class: the reference's multi-label
    /// num_label_issues, and how many rows low_self_confidence and low_normalized_margin flag.
    /// </summary>
    public long RowsWithConfidentIssue { get; }

    /// <summary>The K x 2 x 2 confident joint, diagonals clipped to at least one (compute_confident_joint(..., calibrate=False, multi_label=True)).</summary>
    public long[,,] ConfidentJoint() => Stack(k => _classes[k].ConfidentJoint.Counts);

    /// <summary>The calibrated K x 2 x 2 confident joint (compute_confident_joint(..., multi_label=True)).</summary>
    public long[,,] CalibratedConfidentJoint() => Stack(k => _classes[k].ConfidentJoint.Calibrated);

    /// <summary>Each class's calibrated joint normalised to sum to one (estimate_joint(..., multi_label=True)).</summary>
    public double[,,] Joint() => Stack(k => _classes[k].Joint);

    /// <summary>Combines the two merged states.</summary>
    internal static MultiLabelEstimates From(MultiLabelClassStatistics statistics, MultiLabelJointCounter counter)
    {
        var classes = new NoiseEstimates[statistics.ClassCount];
        for (var k = 0; k < classes.Length; k++)
        {
            classes[k] = NoiseEstimates.From(statistics[k], counter[k]);
        }

        return new MultiLabelEstimates(classes, counter.RowsWithConfidentIssue);
    }

    private T[,,] Stack<T>(Func<int, T[,]> perClass)
    {
        var stacked = new T[ClassCount, OneVsRest.BinaryClassCount, OneVsRest.BinaryClassCount];
        for (var k = 0; k < ClassCount; k++)
        {
            var matrix = perClass(k);
            for (var i = 0; i < OneVsRest.BinaryClassCount; i++)
            {
                for (var j = 0; j < OneVsRest.BinaryClassCount; j++)
                {
                    stacked[k, i, j] = matrix[i, j];
                }
            }
        }

        return stacked;
    }
}
