using Parquet.Serialization;
using SparkCleanlab.SparkPlan.Tests.EndToEnd;
using ParquetSchemaTypes = global::Parquet.Schema;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>A multi-label golden case as Parquet input, in each layout the engines read.</summary>
public static class MultiLabelParquet
{
    /// <summary>How the given classes and the probabilities are stored.</summary>
    /// <param name="ClassColumns">One 0/1 column per class (<c>m_0..</c>) instead of the list column <c>labels</c>.</param>
    /// <param name="StringLabels">The list holds class names (<c>c0, c1, ..</c>) instead of indices.</param>
    /// <param name="ProbabilityColumns">K columns <c>p_0..</c> instead of the list column <c>pred_probs</c>.</param>
    /// <param name="InvalidRows">A few rows with an unknown class, a membership of 2, a NaN, a negative or a probability above one.</param>
    public sealed record Layout(bool ClassColumns = false, bool StringLabels = false, bool ProbabilityColumns = false, bool InvalidRows = false);

    /// <summary>Class names of <see cref="Layout.StringLabels"/>.</summary>
    public static IReadOnlyList<string> Names(int classCount) => Enumerable.Range(0, classCount).Select(c => $"c{c}").ToList();

    /// <summary>The membership columns of <see cref="Layout.ClassColumns"/>.</summary>
    public static IReadOnlyList<string> MembershipColumns(int classCount) => Enumerable.Range(0, classCount).Select(c => $"m_{c}").ToList();

    /// <summary>Writes the case into <paramref name="folder"/> as <paramref name="files"/> part files.</summary>
    public static async Task WriteAsync(MultiLabelGoldenCase golden, string folder, Layout layout, int files = 2)
    {
        Directory.CreateDirectory(folder);
        var k = golden.ClassCount;
        var fields = new List<ParquetSchemaTypes.Field> { new ParquetSchemaTypes.DataField<long>("id") };
        if (layout.ClassColumns)
        {
            fields.AddRange(MembershipColumns(k).Select(c => new ParquetSchemaTypes.DataField<int>(c)));
        }
        else
        {
            fields.Add(new ParquetSchemaTypes.ListField("labels", layout.StringLabels ? new ParquetSchemaTypes.DataField<string>("element") : new ParquetSchemaTypes.DataField<int>("element")));
        }

        fields.AddRange(GoldenParquet.ProbabilityFields(k, layout.ProbabilityColumns));
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => Row(golden, i, layout)).ToList();
        var perFile = (rows.Count + files - 1) / files;
        for (var f = 0; f < files; f++)
        {
            await using var stream = File.Create(Path.Combine(folder, $"part-{f:D5}.parquet"));
            await ParquetSerializer.SerializeUntypedAsync(rows.Skip(f * perFile).Take(perFile).ToList(), new ParquetSchemaTypes.ParquetSchema(fields), stream);
        }
    }

    private static IDictionary<string, object?> Row(MultiLabelGoldenCase golden, int i, Layout layout)
    {
        var k = golden.ClassCount;
        var probabilities = golden.Probabilities.AsSpan(i * k, k).ToArray();
        var labels = golden.Labels[i].ToList();
        var membership = Enumerable.Range(0, k).Select(c => labels.Contains(c) ? 1 : 0).ToArray();
        if (layout.InvalidRows)
        {
            switch (i % 61)
            {
                case 3:
                    labels.Add(k + 2);
                    membership[k - 1] = 2;
                    break;
                case 17:
                    probabilities[k - 1] = double.NaN;
                    break;
                case 29:
                    probabilities[1] = -0.25;
                    break;
                case 41:
                    probabilities[0] = 1.5;
                    break;
            }
        }

        var row = new Dictionary<string, object?> { ["id"] = (long)i };
        if (layout.ClassColumns)
        {
            for (var c = 0; c < k; c++)
            {
                row[$"m_{c}"] = membership[c];
            }
        }
        else
        {
            row["labels"] = layout.StringLabels ? labels.Select(c => (ReadOnlyMemory<char>?)$"c{c}".AsMemory()).ToList() : labels.ToList();
        }

        GoldenParquet.SetProbabilities(row, probabilities, layout.ProbabilityColumns);
        return row;
    }
}
