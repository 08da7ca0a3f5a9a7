using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Core.Health;

/// <summary>
/// Dataset-level label health (the reference's dataset module): the overall score, classes
/// ranked by label quality (worst first) and pairs of classes ranked by how often they are
/// confused. Ties come out in the order the reference's pandas sort gives them (<see cref="NumpyArgsort"/>).
/// </summary>
public sealed class DatasetHealth
{
    private const double Epsilon = 1e-6;

    private DatasetHealth(double overallScore, long numIssues, IReadOnlyList<ClassQuality> classes, IReadOnlyList<ClassOverlap> overlaps)
    {
        OverallLabelHealthScore = overallScore;
        NumLabelIssues = numIssues;
        ClassesByLabelQuality = classes;
        OverlappingClasses = overlaps;
    }

    /// <summary>1 - (label issues / n), issues counted by num_label_issues (off_diagonal).</summary>
    public double OverallLabelHealthScore { get; }

    /// <summary>The issue count behind the overall score.</summary>
    public long NumLabelIssues { get; }

    /// <summary>Classes, lowest label quality first.</summary>
    public IReadOnlyList<ClassQuality> ClassesByLabelQuality { get; }

    /// <summary>Class pairs, highest joint probability first.</summary>
    public IReadOnlyList<ClassOverlap> OverlappingClasses { get; }

    /// <summary>Computes the health tables from the driver's estimates.</summary>
    public static DatasetHealth From(NoiseEstimates estimates)
    {
        var n = estimates.RowCount;
        var joint = estimates.Joint;
        var k = estimates.ClassCount;
        var issues = estimates.NumLabelIssues();
        var rowSums = Matrices.RowSums(joint);
        var columnSums = Matrices.ColumnSums(joint);
        var classes = new List<ClassQuality>(k);
        for (var c = 0; c < k; c++)
        {
            var givenNoise = rowSums[c] - joint[c, c];
            var trueNoise = columnSums[c] - joint[c, c];
            var labelNoise = givenNoise / Math.Max(rowSums[c], Epsilon);
            var inverseNoise = trueNoise / Math.Max(columnSums[c], Epsilon);
            classes.Add(new ClassQuality(c, RoundCount(givenNoise * n), RoundCount(trueNoise * n), labelNoise, inverseNoise, 1 - labelNoise));
        }

        var overlaps = new List<ClassOverlap>();
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var p = joint[a, b] + joint[b, a];
                overlaps.Add(new ClassOverlap(a, b, RoundCount(p * n), p));
            }
        }

        // The reference sorts both tables with pandas, whose ties follow numpy's argsort.
        var classOrder = NumpyArgsort.Ascending(classes.Select(c => c.LabelQualityScore).ToArray());
        var overlapOrder = NumpyArgsort.DescendingAsPandas(overlaps.Select(o => o.JointProbability).ToArray());
        return new DatasetHealth(
            1 - ((double)issues / n),
            issues,
            classOrder.Select(i => classes[i]).ToList(),
            overlapOrder.Select(i => overlaps[i]).ToList());
    }

    private static long RoundCount(double value) => (long)Math.Round(value, MidpointRounding.ToEven);
}
