using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Stage 1 of the multi-label plan, a mergeable state: the single-label
/// <see cref="ClassStatistics"/> of each class's one-vs-rest problem (rows without and with
/// the class, and the exact sums of 1 - p[k] and p[k] over them).
/// </summary>
internal sealed class MultiLabelClassStatistics
{
    private readonly ClassStatistics[] _classes;

    /// <summary>An empty state for K classes.</summary>
    public MultiLabelClassStatistics(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        _classes = new ClassStatistics[classCount];
        for (var k = 0; k < classCount; k++)
        {
            _classes[k] = new ClassStatistics(OneVsRest.BinaryClassCount);
        }
    }

    /// <summary>Builds the state from each class's binary state computed elsewhere (a Spark <c>groupBy(class, given)</c>).</summary>
    public static MultiLabelClassStatistics FromClasses(IReadOnlyList<ClassStatistics> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var state = new MultiLabelClassStatistics(classes.Count);
        for (var k = 0; k < classes.Count; k++)
        {
            state._classes[k].Merge(classes[k]);
        }

        return state;
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>The binary state of class <paramref name="k"/>.</summary>
    public ClassStatistics this[int k] => _classes[k];

    /// <summary>Adds the rows of a batch.</summary>
    public void Add(MultiLabelBatch batch)
    {
        CheckClassCount(batch.ClassCount);
        OneVsRest.ForEachClass(batch, (k, binary) => _classes[k].Add(binary));
    }

    /// <summary>Adds another state into this one.</summary>
    public void Merge(MultiLabelClassStatistics other)
    {
        CheckClassCount(other.ClassCount);
        for (var k = 0; k < _classes.Length; k++)
        {
            _classes[k].Merge(other._classes[k]);
        }
    }

    /// <summary>The binary thresholds of every class: [k][0] for rows without k, [k][1] for rows with it.</summary>
    public ClassThresholds[] ToThresholds() => _classes.Select(c => c.ToThresholds()).ToArray();

    /// <summary>
    /// Throws when the reference would refuse the data: no row has any given label, or a class is
    /// given in every row (its one-vs-rest problem has a single class).
    /// </summary>
    /// <exception cref="InvalidInputException">The labels cannot be estimated.</exception>
    public void ThrowIfUnestimable()
    {
        if (_classes.All(c => c.Counts[1] == 0))
        {
            throw new InvalidInputException("No row has any given label: there is nothing to estimate.", -1, -1);
        }

        for (var c = 0; c < _classes.Length; c++)
        {
            if (_classes[c].Counts[0] == 0)
            {
                throw new InvalidInputException(
                    $"Class {c} is given in every row: its one-vs-rest problem has a single class, and label issues cannot be estimated.", -1, c);
            }
        }
    }

    private void CheckClassCount(int classCount)
    {
        if (classCount != ClassCount)
        {
            throw new ArgumentException($"State has {ClassCount} classes, input has {classCount}.");
        }
    }
}
