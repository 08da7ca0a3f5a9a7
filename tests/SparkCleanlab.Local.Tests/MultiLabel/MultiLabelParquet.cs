using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;

namespace SparkCleanlab.Local.Tests.MultiLabel;

/// <summary>Multi-label golden cases as Parquet input, and the engine's multi-label outputs read back.</summary>
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

    public sealed class NamedInputRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("tags")]
        public string[] Tags { get; set; } = [];

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
        await WriteRowsAsync(rows, folder, files, rowGroupRows);
        return folder;
    }

    public static async Task WriteRowsAsync<T>(IReadOnlyList<T> rows, string folder, int files, int rowGroupRows)
    {
        Directory.CreateDirectory(folder);
        var perFile = (rows.Count + files - 1) / files;
        for (var f = 0; f < files; f++)
        {
            await ParquetSerializer.SerializeAsync(rows.Skip(f * perFile).Take(perFile), Path.Combine(folder, $"part-{f:D5}.parquet"), new ParquetOptions { RowGroupSize = rowGroupRows });
        }
    }

    /// <summary>The rows of every part file of <paramref name="folder"/>, files in name order.</summary>
    public static async Task<List<T>> ReadAsync<T>(string folder)
        where T : class, new()
    {
        var rows = new List<T>();
        foreach (var file in Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
        {
            rows.AddRange((await ParquetSerializer.DeserializeAsync<T>(file)).Data);
        }

        return rows;
    }
}
