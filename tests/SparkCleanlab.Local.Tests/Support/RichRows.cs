using System.Text.Json.Serialization;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>A golden case as Parquet with a nullable string column and a nullable list column besides id, label and pred_probs.</summary>
public static class RichRows
{
    public class Row
    {
        [JsonPropertyName("label")]
        public int Label { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];

        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("note")]
        public string? Note { get; set; }

        [JsonPropertyName("tags")]
        public List<string>? Tags { get; set; }

        // Everything but the math columns, which the engine may rewrite for invalid rows.
        public string PassThrough() => $"{Id}|{Note ?? "<null>"}|{(Tags is null ? "<null>" : string.Join(",", Tags))}";
    }

    public sealed class OutputRow : Row
    {
        [JsonPropertyName("issue_rank")]
        public long Rank { get; set; }

        [JsonPropertyName("label_quality")]
        public double LabelQuality { get; set; }

        [JsonPropertyName("suggested_label")]
        public int SuggestedLabel { get; set; }

        [JsonPropertyName("method")]
        public string? Method { get; set; }
    }

    public static Row Make(GoldenCase golden, int i) => new()
    {
        Label = golden.Labels[i],
        Probabilities = golden.Row(i).ToArray(),
        Id = i,
        Note = i % 3 == 0 ? null : "row " + i + new string('~', i % 11),
        Tags = (i % 4) switch { 0 => null, 1 => ["solo" + i], _ => ["a" + i, "b", "c" + (i % 7)] },
    };

    /// <summary>Writes the rows as <paramref name="files"/> files of row groups of <paramref name="rowGroupRows"/> rows.</summary>
    public static Task WriteAsync(IReadOnlyList<Row> rows, string folder, int files, int rowGroupRows) => PartFiles.WriteAsync(rows, folder, files, rowGroupRows);

    /// <summary>The rows of every part file of <paramref name="folder"/>, files in name order.</summary>
    public static Task<List<T>> ReadAsync<T>(string folder)
        where T : class, new() => PartFiles.ReadAsync<T>(folder);
}
