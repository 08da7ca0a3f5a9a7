using SparkCleanlab.Core;
using SparkCleanlab.Parquet.Input.Npy;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Bench.Local;

/// <summary>
/// Checks a find-issues output on a labels.npy + pred_probs.npy pair against the in-memory Core on the same rows:
/// the same issues in the same rank order, and, given the reference's ranked indices (an int64 .npy saved from
/// <c>find_label_issues(..., return_indices_ranked_by="self_confidence")</c>), against the reference too.
/// For samples too wide for the golden tests (K = 1000).
/// </summary>
internal static class NpyParity
{
    public static async Task<int> RunAsync(string input, string output, string? referenceRanked)
    {
        using var labelArray = NpyArray.Open(NpySource.Npy(Path.Combine(input, "labels.npy")), 1, floatingPoint: false);
        using var probabilityArray = NpyArray.Open(NpySource.Npy(Path.Combine(input, "pred_probs.npy")), 2, floatingPoint: true);
        var rows = (int)labelArray.Rows;
        var k = probabilityArray.Columns;
        var labels = new long[rows];
        labelArray.ReadInt64s(0, labels);
        var probabilities = new double[(long)rows * k];
        probabilityArray.ReadDoubles(0, probabilities);
        var report = ConfidentLearning.FindLabelIssues(labels.Select(l => (int)l).ToArray(), probabilities, k);

        var ranked = new List<(long Rank, long Row)>();
        foreach (var file in Directory.GetFiles(Path.Combine(output, "issues"), "*.parquet").Order(StringComparer.Ordinal))
        {
            var dataset = await InputDataset.OpenAsync(file, new InputSchemaOptions { ClassCount = k, ColumnsOnly = true });
            foreach (var partition in dataset.Partitions)
            {
                using var batch = await dataset.ReadAsync(partition);
                var rowIndex = ((PassThroughColumn<long>)batch.Columns.Single(c => c.Name == "row_index")).Values;
                var rank = ((PassThroughColumn<long>)batch.Columns.Single(c => c.Name == "issue_rank")).Values;
                for (var i = 0; i < batch.Count; i++)
                {
                    ranked.Add((rank[i], rowIndex[i]));
                }
            }
        }

        var engine = ranked.OrderBy(r => r.Rank).Select(r => r.Row).ToArray();
        var core = report.RankedIssues.Select(r => (long)r).ToArray();
        var sameSet = engine.Order().SequenceEqual(core.Order());
        var sameOrder = engine.SequenceEqual(core);
        Console.WriteLine($"{rows:N0} x {k}: in-memory Core flags {core.Length:N0} rows, the output holds {engine.Length:N0}; same rows: {sameSet}; same rank order: {sameOrder}");
        if (referenceRanked is null)
        {
            return sameSet && sameOrder ? 0 : 1;
        }

        using var referenceArray = NpyArray.Open(NpySource.Npy(referenceRanked), 1, floatingPoint: false);
        var reference = new long[referenceArray.Rows];
        referenceArray.ReadInt64s(0, reference);
        var sameAsReference = engine.Order().SequenceEqual(reference.Order());
        var sameReferenceOrder = engine.SequenceEqual(reference);
        Console.WriteLine($"the reference flags {reference.Length:N0} rows; same rows: {sameAsReference}; same rank order: {sameReferenceOrder}");
        return sameSet && sameOrder && sameAsReference && sameReferenceOrder ? 0 : 1;
    }
}
