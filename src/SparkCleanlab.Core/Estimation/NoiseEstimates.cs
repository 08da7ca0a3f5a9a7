using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// Everything the driver derives from the stage 1 and stage 2 states, all on K x K numbers:
/// thresholds, confident joint (raw and calibrated), the normalised joint, latent estimates
/// and the number of label issues.
/// </summary>
public sealed class NoiseEstimates
{
    private readonly long[] _labelCounts;

    private NoiseEstimates(ClassThresholds thresholds, long[] labelCounts, ConfidentJoint joint, long offDiagonalIssues, long confidentMispredictions)
    {
        ConfidentMispredictions = confidentMispredictions;
        Thresholds = thresholds;
        _labelCounts = labelCounts;
        ConfidentJoint = joint;
        OffDiagonalIssues = offDiagonalIssues;
        Joint = joint.EstimateJoint();
    }

    /// <summary>Per-class confident thresholds.</summary>
    public ClassThresholds Thresholds { get; }

    /// <summary>Rows per given class.</summary>
    public ReadOnlySpan<long> LabelCounts => _labelCounts;

    /// <summary>Total number of rows n.</summary>
    public long RowCount => _labelCounts.Sum();

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _labelCounts.Length;

    /// <summary>The confident joint, raw and calibrated.</summary>
    public ConfidentJoint ConfidentJoint { get; }

    /// <summary>The calibrated joint normalised to sum to one, P(given = i, true = j).</summary>
    public double[,] Joint { get; }

    /// <summary>Off-diagonal rows of the raw joint that the given label does not win with 1e-6 slack.</summary>
    public long OffDiagonalIssues { get; }

    /// <summary>Rows predicted as another class with confidence (see <see cref="ConfidentJointCounter.ConfidentMispredictions"/>).</summary>
    public long ConfidentMispredictions { get; }

    /// <summary>Combines the two merged states.</summary>
    internal static NoiseEstimates From(ClassStatistics statistics, ConfidentJointCounter counter)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(counter);
        if (statistics.RowCount == 0)
        {
            throw new Validation.InvalidInputException("The input has no rows: there is nothing to estimate.", -1, -1);
        }

        var thresholds = statistics.ToThresholds();
        var labelCounts = statistics.Counts.ToArray();
        return new NoiseEstimates(thresholds, labelCounts, ConfidentJoint.From(counter, labelCounts), counter.OffDiagonalIssues, counter.ConfidentMispredictions);
    }

    /// <summary>Latent estimates from the calibrated joint (estimate_py_and_noise_matrices_from_probabilities).</summary>
    /// <exception cref="SingularMatrixException">The method is <c>eqn</c> and the noise matrix is singular.</exception>
    public LatentEstimate Latent(PriorMethod method = PriorMethod.Count, bool converge = false) =>
        LatentEstimator.Estimate(ConfidentJoint.Calibrated, _labelCounts, method, converge);

    /// <summary>The estimated number of label issues.</summary>
    public long NumLabelIssues(IssueCountMethod method = IssueCountMethod.OffDiagonal)
    {
        if (method == IssueCountMethod.OffDiagonal)
        {
            return OffDiagonalIssues;
        }

        double trace = 0;
        for (var k = 0; k < ClassCount; k++)
        {
            trace += Joint[k, k];
        }

        return (long)Math.Round((1.0 - trace) * RowCount, MidpointRounding.ToEven);
    }

    /// <summary>The prune counts for the given options.</summary>
    internal PruneCounts PruneCounts(int minExamplesPerClass, double fracNoise, IReadOnlyList<long>? numToRemovePerClass) =>
        Estimation.PruneCounts.Compute(ConfidentJoint.Calibrated, _labelCounts, minExamplesPerClass, fracNoise, numToRemovePerClass);
}
