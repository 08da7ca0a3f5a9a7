using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Tests.Selection;

/// <summary>
/// A round's state against the windows' own definitions (<see cref="SelectionWindow.TryGetX"/>
/// and <see cref="SelectionWindow.BucketOf"/>) row by row: the vectorised margin path must
/// bucket and collect exactly the rows the definitions say, for every row width.
/// </summary>
public class HistogramRoundTests
{
    public static TheoryData<int> Widths() => new(2, 3, 4, 5, 7, 10, 13, 64, 65);

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryWindowSeesExactlyTheRowsItsDefinitionTakes(int k)
    {
        var random = new Random(k);
        var (labels, probabilities) = RandomRows(random, k, rows: 3000);
        var windows = RandomWindows(random, k, labels, probabilities);
        var round = new SelectionRound(2, k, windows);
        var state = new SelectionHistogram(round);
        state.Add(new RowBatch(labels, probabilities, k, firstPosition: 500));

        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var buckets = window.Mode == WindowMode.Collect ? [] : Enumerable.Repeat(SelectionBucket.Empty, window.BucketCount).ToArray();
            var candidates = new List<SelectionCandidate>();
            for (var i = 0; i < labels.Length; i++)
            {
                var row = probabilities.AsSpan(i * k, k);
                var key = SelectionKeys.Of(window.Group.Kind, window.Group.OtherClass, row, labels[i]);
                if (!window.Group.Contains(labels[i]) || !window.TryGetX(key, 500 + i, out var x))
                {
                    continue;
                }

                if (window.Mode == WindowMode.Collect)
                {
                    candidates.Add(new SelectionCandidate(key, 500 + i));
                }
                else
                {
                    buckets[window.BucketOf(x)].Add(x);
                }
            }

            Assert.Equal(buckets, state.Buckets(w).ToArray());
            Assert.Equal(candidates.Order(), state.Candidates(w).Order());
        }
    }

    // Bounded ranges start and end on keys of the data, as the plan's ranges do (a bucket's min
    // and max), so rows sit exactly on both edges.
    private static List<SelectionWindow> RandomWindows(Random random, int k, int[] labels, double[] probabilities)
    {
        var windows = new List<SelectionWindow>();
        for (var given = 0; given < k; given++)
        {
            for (var other = 0; other < k; other++)
            {
                if (other == given || random.Next(4) == 0)
                {
                    continue;
                }

                var group = new SelectionGroup(windows.Count, SelectionKeyKind.Margin, given, other, 1, 10);
                var edges = new[] { KeyOfSomeRow(random, k, given, other, labels, probabilities), KeyOfSomeRow(random, k, given, other, labels, probabilities) };
                var (lo, hi) = (edges.Min(), edges.Max() + (edges[0] == edges[1] ? 0.01 : 0));
                var buckets = 1 << random.Next(1, 8);
                windows.Add(random.Next(4) switch
                {
                    0 => new SelectionWindow(group, false, WindowMode.Histogram, true, 0, -1, 1, buckets / 2.0, 0, buckets),
                    1 => new SelectionWindow(group, false, WindowMode.Histogram, false, 0, lo, hi, buckets / (hi - lo), 0, buckets),
                    2 => new SelectionWindow(group, false, WindowMode.Collect, false, 0, lo, hi, 0, 0, 0),
                    _ => new SelectionWindow(group, true, WindowMode.Histogram, false, 0.5, 600, 2000, 4 / 1400.0, 0, 4),
                });
            }
        }

        windows.Add(new SelectionWindow(new SelectionGroup(windows.Count, SelectionKeyKind.SelfConfidence, -1, -1, 1, 10), false, WindowMode.Histogram, true, 0, 0, 1, 8, 0, 8));
        return windows;
    }

    private static double KeyOfSomeRow(Random random, int k, int given, int other, int[] labels, double[] probabilities)
    {
        var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == given).ToArray();
        var row = rows[random.Next(rows.Length)];
        return SelectionKeys.Of(SelectionKeyKind.Margin, other, probabilities.AsSpan(row * k, k), given);
    }

    // Rounded probabilities give equal keys, keys on bucket edges and margins of exactly zero.
    private static (int[] Labels, double[] Probabilities) RandomRows(Random random, int k, int rows)
    {
        var labels = new int[rows];
        var probabilities = new double[rows * k];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.Next(k);
            var row = probabilities.AsSpan(i * k, k);
            for (var j = 0; j < k; j++)
            {
                row[j] = random.Next(3) == 0 ? 0 : random.NextDouble();
            }

            var sum = 0.0;
            foreach (var p in row)
            {
                sum += p;
            }

            for (var j = 0; j < k; j++)
            {
                row[j] = sum == 0 ? 1.0 / k : i % 2 == 0 ? Math.Round(row[j] / sum, 2) : row[j] / sum;
            }
        }

        return (labels, probabilities);
    }
}
