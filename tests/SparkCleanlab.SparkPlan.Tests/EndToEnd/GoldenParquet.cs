using ParquetSchemaTypes = global::Parquet.Schema;
using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace SparkCleanlab.SparkPlan.Tests.EndToEnd;

/// <summary>A golden case as Parquet input: id, label and the probabilities, in several layouts.</summary>
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

    /// <summary>
    /// Writes the case in another layout: K columns p_0.. instead of the list, class names
    /// (c0, c1, ...) instead of indices, or with a few invalid rows (NaN, a label out of range).
    /// </summary>
    public static async Task WriteLayoutAsync(GoldenCase golden, string folder, bool classColumns, bool stringLabels, bool invalidRows)
    {
        Directory.CreateDirectory(folder);
        var k = golden.ClassCount;
        var fields = new List<ParquetSchemaTypes.Field>
        {
            new ParquetSchemaTypes.DataField<long>("id"),
            stringLabels ? new ParquetSchemaTypes.DataField<string>("label") : new ParquetSchemaTypes.DataField<int>("label"),
        };
        if (classColumns)
        {
            fields.AddRange(Enumerable.Range(0, k).Select(j => new ParquetSchemaTypes.DataField<double>($"p_{j}")));
        }
        else
        {
            fields.Add(new ParquetSchemaTypes.ListField("pred_probs", new ParquetSchemaTypes.DataField<double>("element")));
        }

        var rows = Enumerable.Range(0, golden.RowCount).Select(i =>
        {
            var probabilities = golden.Row(i).ToArray();
            var label = golden.Labels[i];
            if (invalidRows && i % 97 == 5)
            {
                probabilities[0] = double.NaN;
            }

            if (invalidRows && i % 97 == 50)
            {
                label = k + 3;
            }

            var row = new Dictionary<string, object?> { ["id"] = (long)i, ["label"] = stringLabels ? $"c{label}" : label };
            if (classColumns)
            {
                for (var j = 0; j < k; j++)
                {
                    row[$"p_{j}"] = probabilities[j];
                }
            }
            else
            {
                row["pred_probs"] = probabilities.ToList();
            }

            return (IDictionary<string, object?>)row;
        }).ToList();
        await using var stream = File.Create(Path.Combine(folder, "part-00000.parquet"));
        await ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchemaTypes.ParquetSchema(fields), stream);
    }
}
