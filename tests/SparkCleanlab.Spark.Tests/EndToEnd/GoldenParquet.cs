using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace SparkCleanlab.Spark.Tests.EndToEnd;

/// <summary>A golden case as Parquet input (id, label, pred_probs), and the issues an engine wrote.</summary>
public static class GoldenParquet
{
    public sealed class InputRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("label")]
        public int Label { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];
    }

    public sealed class IssueRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("issue_rank")]
        public long Rank { get; set; }
    }

    /// <summary>Writes the case into <paramref name="folder"/> as two part files.</summary>
    public static async Task WriteAsync(GoldenCase golden, string folder)
    {
        Directory.CreateDirectory(folder);
        var rows = Enumerable.Range(0, golden.RowCount)
            .Select(i => new InputRow { Id = i, Label = golden.Labels[i], Probabilities = golden.Row(i).ToArray() })
            .ToList();
        var half = rows.Count / 2;
        await ParquetSerializer.SerializeAsync(rows.Take(half), Path.Combine(folder, "part-00000.parquet"));
        await ParquetSerializer.SerializeAsync(rows.Skip(half), Path.Combine(folder, "part-00001.parquet"));
    }

    /// <summary>The ids of the issues under <c>issues/</c>, in issue_rank order.</summary>
    public static async Task<IReadOnlyList<long>> IssueIdsAsync(string output)
    {
        var issues = new List<IssueRow>();
        foreach (var file in Directory.GetFiles(Path.Combine(output, "issues"), "*.parquet").Order(StringComparer.Ordinal))
        {
            issues.AddRange((await ParquetSerializer.DeserializeAsync<IssueRow>(file)).Data);
        }

        return issues.OrderBy(i => i.Rank).Select(i => i.Id).ToList();
    }
}
