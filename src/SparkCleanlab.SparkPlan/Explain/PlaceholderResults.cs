using System.Globalization;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// What <see cref="PlaceholderSession"/> answers in place of each collect, shaped as
/// <see cref="SparkExecutor"/> reads it, with values chosen so that every literal a stage result
/// puts into later SQL has its longest form: thresholds and their cuts with 17 significant digits
/// and an exponent (<c>3.3333333333333335E-06D</c>), and issue-rank offsets of 19 digits.
/// </summary>
internal sealed class PlaceholderResults(int classCount, Func<int> firstListLength, IReadOnlyList<string> files)
{
    /// <summary>The sorted partitions of <c>issues/</c>: Spark's default <c>spark.sql.shuffle.partitions</c>.</summary>
    public const int SortedPartitions = 200;

    // Rows per class, and the one row of each class taken for the next class: every class then has
    // a confusion, so every selection window kind appears in the plan, and each group needs few rows.
    private const long RowsPerClass = 1_000;
    private const long Confused = 1;

    // The windows of the current selection round: (window, bucket count) from the window table.
    private IReadOnlyList<(int Window, int Buckets)> _windows = [];

    /// <summary>Takes the windows of a selection round from its window table, as the session makes it.</summary>
    public void SeeTable(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows)
    {
        var window = IndexOf(schema, "_w");
        var last = IndexOf(schema, "_last");
        if (window < 0 || last < 0)
        {
            return;
        }

        _windows = rows.SelectMany(r => ((object?[])r[window]!).Zip((object?[])r[last]!, (w, l) => (Window: Convert.ToInt32(w, CultureInfo.InvariantCulture), Buckets: Convert.ToInt32(l, CultureInfo.InvariantCulture) + 1)))
            .Distinct().ToList();
    }

    // Each row's self-confidence in fixed-point units, and the class threshold it gives.
    private static readonly (Int128 UnitsPerRow, double Threshold) Placeholder = FindThreshold();

    /// <summary>The placeholder class threshold: the longest double literal a threshold can print as.</summary>
    public static double Threshold => Placeholder.Threshold;

    /// <summary>The input's files, as the <c>distinct</c> of <c>_metadata.file_path</c> gives them.</summary>
    public IReadOnlyList<FrameRow> Files() => files.Select(f => new FrameRow([f])).ToList();

    /// <summary>The rows of the collect that follows a <c>groupBy(<paramref name="keys"/>)</c>.</summary>
    public IReadOnlyList<FrameRow> Collect(IReadOnlyList<string> keys) =>
        keys switch
        {
            [] => [new FrameRow([firstListLength()])],
            ["__valid", Columns.Label] => Enumerable.Range(0, classCount)
                .Select(j => new FrameRow([true, j, RowsPerClass, Units(RowsPerClass).ToString(CultureInfo.InvariantCulture), null, 0L])).ToList(),
            [Columns.Label, "__guess"] => Enumerable.Range(0, classCount)
                .SelectMany(j => new[] { new FrameRow([j, j, RowsPerClass - Confused, 0L]), new FrameRow([j, (j + 1) % classCount, Confused, Confused]) }).ToList(),
            ["w", "b"] => SelectionBuckets(),
            ["__part"] => RankPartitions(),
            _ => throw new InvalidOperationException($"The explain has no placeholder for a collect grouped by ({string.Join(", ", keys)})."),
        };

    // One row in every bucket of every window: the rows a group needs are reached exactly at a
    // bucket's end, so each group resolves in the first round (a run takes two or three).
    private List<FrameRow> SelectionBuckets() =>
        _windows.SelectMany(w => Enumerable.Range(0, w.Buckets).Select(b => new FrameRow([w.Window, b, 1L, 0.5, 0.5]))).ToList();

    private static int IndexOf(IReadOnlyList<FrameField> schema, string suffix)
    {
        for (var i = 0; i < schema.Count; i++)
        {
            if (schema[i].Name.EndsWith(suffix, StringComparison.Ordinal) && schema[i].Type.StartsWith("array<", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // Counts whose running offsets all have 19 digits after the first partition's 0.
    private static List<FrameRow> RankPartitions()
    {
        const long first = 1_000_000_000_000_000_000;
        var rest = (long.MaxValue - first) / SortedPartitions;
        return Enumerable.Range(0, SortedPartitions).Select(p => new FrameRow([p, p == 0 ? first : rest])).ToList();
    }

    private static Int128 Units(long rows) => Placeholder.UnitsPerRow * rows;

    // Thresholds are at least ClassThresholds.LowerBound (2e-6); below 1e-5 a double prints with an
    // exponent, so the longest literals of a threshold and of its cut lie just above the bound.
    private static (Int128 UnitsPerRow, double Threshold) FindThreshold()
    {
        const int longest = 23;
        for (var i = 0; i < 10_000; i++)
        {
            var candidate = 3.3333333333333e-6 + (i * 1.2345678e-13);
            var perRow = (Int128)FixedPoint.ToUnits(candidate);
            var threshold = ClassStatistics.FromAggregates([RowsPerClass, RowsPerClass], [perRow * RowsPerClass, perRow * RowsPerClass]).ToThresholds()[0];
            if (SqlLiteral.Double(threshold).Length == longest && SqlLiteral.Double(threshold - Core.Rows.RowMath.FloatingPointComparison).Length == longest)
            {
                return (perRow, threshold);
            }
        }

        throw new InvalidOperationException("No threshold of the longest literal form was found.");
    }
}
