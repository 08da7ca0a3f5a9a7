using System.Globalization;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.SparkPlan;

namespace SparkCleanlab.Spark.Tests.Aggregates;

/// <summary>
/// What Spark's <c>groupBy</c> stages return for a case, computed row by row with the Core's
/// formulas: one row per non-empty group, in no useful order (reversed here), sums of
/// fixed-point units as DECIMAL strings, collect windows as lists of (key, position).
/// </summary>
public static class SparkShapedResults
{
    public static IEnumerable<(int Label, long Count, string Units)> ClassStatistics(PartitionedCase data)
    {
        var groups = new SortedDictionary<int, (long Count, Int128 Units)>();
        foreach (var (_, label, row, _) in data.Rows())
        {
            groups.TryGetValue(label, out var g);
            groups[label] = (g.Count + 1, g.Units + FixedPoint.ToUnits(row[label]));
        }

        return groups.Reverse().Select(g => (g.Key, g.Value.Count, g.Value.Units.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    public static IEnumerable<(int Given, int Guess, long Count, long Issues)> ConfidentJoint(PartitionedCase data, ClassThresholds thresholds)
    {
        var cuts = thresholds.ConfidenceCuts();
        var cells = new SortedDictionary<(int, int), (long Count, long Issues)>();
        foreach (var (_, label, row, _) in data.Rows())
        {
            var guess = ConfidentGuess.Of(row, cuts);
            if (guess == ConfidentGuess.None)
            {
                continue;
            }

            cells.TryGetValue((label, guess), out var cell);
            var issue = guess != label && !RowMath.GivenWinsWithSlack(row, label) ? 1 : 0;
            cells[(label, guess)] = (cell.Count + 1, cell.Issues + issue);
        }

        return cells.Reverse().Select(c => (c.Key.Item1, c.Key.Item2, c.Value.Count, c.Value.Issues)).ToList();
    }

    public static IEnumerable<SelectionAggregate> Selection(PartitionedCase data, SelectionRound round)
    {
        var buckets = new SortedDictionary<(int W, int B), SelectionBucket>();
        var candidates = new SortedDictionary<int, List<(double, long)>>();
        foreach (var (_, label, row, position) in data.Rows())
        {
            for (var w = 0; w < round.Windows.Count; w++)
            {
                var window = round.Windows[w];
                if (!window.Group.Contains(label))
                {
                    continue;
                }

                var key = SelectionKeys.Of(window.Group.Kind, window.Group.OtherClass, row, label);
                if (!window.TryGetX(key, position, out var x))
                {
                    continue;
                }

                if (window.Mode == WindowMode.Collect)
                {
                    if (!candidates.TryGetValue(w, out var list))
                    {
                        candidates[w] = list = [];
                    }

                    list.Add((key, position));
                    continue;
                }

                var b = window.BucketOf(x);
                var bucket = buckets.TryGetValue((w, b), out var found) ? found : SelectionBucket.Empty;
                bucket.Add(x);
                buckets[(w, b)] = bucket;
            }
        }

        // Spark's collect_list has no order: hand the candidates over reversed.
        var collected = candidates.Select(c => new SelectionAggregate(c.Key, -1, c.Value.Count, 0, 0, c.Value.AsEnumerable().Reverse().ToList()));
        var histograms = buckets.Select(b => new SelectionAggregate(b.Key.W, b.Key.B, b.Value.Count, b.Value.Min, b.Value.Max, []));
        return collected.Concat(histograms).Reverse().ToList();
    }
}
