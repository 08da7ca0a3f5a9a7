using System.Text.Json.Serialization;
using SparkCleanlab.Local.Tests.Support;

namespace SparkCleanlab.Local.Tests.MultiLabel;

/// <summary>Multi-label golden cases as Parquet input, and the rows of the engine's multi-label outputs.</summary>
public static class MultiLabelParquet
{
    public sealed class InputRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("labels")]
        public int[] Labels { get; set; } = [];

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];
    }

    public sealed class MembershipRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("cat")]
        public int Cat { get; set; }

        [JsonPropertyName("dog")]
        public bool Dog { get; set; }

        [JsonPropertyName("owl")]
        public int Owl { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];
    }

    public sealed class IssueRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("label_quality")]
        public double LabelQuality { get; set; }

        [JsonPropertyName("issue_rank")]
        public long IssueRank { get; set; }

        [JsonPropertyName("issue_actions")]
        public string[] IssueActions { get; set; } = [];

        [JsonPropertyName("method")]
        public string? Method { get; set; }
    }

    public sealed class IdRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }
    }

    /// <summary>The case's rows as <paramref name="files"/> files of row groups of <paramref name="rowGroupRows"/> rows; returns the folder.</summary>
    public static async Task<string> WriteAsync(MultiLabelGoldenCase golden, string folder, int files, int rowGroupRows)
    {
        var k = golden.ClassCount;
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => new InputRow
        {
            Id = i,
            Labels = golden.Labels[i],
            Probabilities = golden.Probabilities.AsSpan(i * k, k).ToArray(),
        }).ToList();
        await PartFiles.WriteAsync(rows, folder, files, rowGroupRows);
        return folder;
    }
}
