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
        fields.AddRange(ProbabilityFields(k, classColumns));
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
            SetProbabilities(row, probabilities, classColumns);
            return (IDictionary<string, object?>)row;
        }).ToList();
        await using var stream = File.Create(Path.Combine(folder, "part-00000.parquet"));
        await ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchemaTypes.ParquetSchema(fields), stream);
    }

    /// <summary>The probabilities' schema: K columns <c>p_0..</c> if <paramref name="columns"/>, else the list column <c>pred_probs</c>.</summary>
    internal static IEnumerable<ParquetSchemaTypes.Field> ProbabilityFields(int classCount, bool columns) =>
        columns
            ? Enumerable.Range(0, classCount).Select(j => new ParquetSchemaTypes.DataField<double>($"p_{j}"))
            : [new ParquetSchemaTypes.ListField("pred_probs", new ParquetSchemaTypes.DataField<double>("element"))];

    /// <summary>Puts a row's probabilities into <paramref name="row"/> in the layout of <see cref="ProbabilityFields"/>.</summary>
    internal static void SetProbabilities(Dictionary<string, object?> row, double[] probabilities, bool columns)
    {
        if (columns)
        {
            for (var j = 0; j < probabilities.Length; j++)
            {
                row[$"p_{j}"] = probabilities[j];
            }
        }
        else
        {
            row["pred_probs"] = probabilities.ToList();
        }
    }
}
