using System.Globalization;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Synthetic;

/// <summary>
/// Synthetic multi-label data: rows whose true classes are each present with probability 0.3, a model's
/// independent per-class probabilities around them, and given classes where a fraction (the noise) of the rows
/// has one membership flipped (a class added or dropped). Columns: <c>id</c>, <c>labels</c>, <c>true_labels</c>,
/// <c>pred_probs</c>.
/// </summary>
public static class MultiLabelGenerator
{
    private const double ClassPresence = 0.3;

    /// <summary>Writes the data set as part files into <paramref name="output"/>, committed atomically.</summary>
    /// <param name="output">The output folder.</param>
    /// <param name="overwrite">Replace an existing output folder.</param>
    /// <param name="shape">The rows, classes, noise and files to write.</param>
    /// <param name="cancellationToken">Stops the write; nothing is published.</param>
    /// <returns>The published folder and the number of rows with a flipped class.</returns>
    public static async Task<(string Path, long FlippedRows)> WriteAsync(string output, bool overwrite, MultiLabelShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        using var folder = AtomicOutputFolder.Create(output, overwrite, []);
        var names = Enumerable.Range(0, shape.Classes).Select(c => $"class_{c}").ToArray();
        long flipped = 0;
        for (var file = 0; file < shape.Files; file++)
        {
            var first = shape.Rows * file / shape.Files;
            var count = checked((int)((shape.Rows * (file + 1) / shape.Files) - first));
            var random = new Random(HashCode.Combine(shape.Seed, file));
            var rows = new List<IndexRow>(count);
            for (var i = 0; i < count; i++)
            {
                var row = Row(random, shape.Classes, shape.Noise, first + i);
                flipped += row.Labels.SequenceEqual(row.TrueLabels) ? 0 : 1;
                rows.Add(row);
            }

            var path = Path.Combine(folder.WorkingPath, string.Create(CultureInfo.InvariantCulture, $"part-{file:D5}.parquet"));
            var parquet = new ParquetOptions { RowGroupSize = Math.Max(1, (count + shape.RowGroups - 1) / shape.RowGroups) };
            if (shape.StringLabels)
            {
                await ParquetSerializer.SerializeAsync(rows.Select(r => r.Named(names)), path, parquet, cancellationToken: cancellationToken);
            }
            else
            {
                await ParquetSerializer.SerializeAsync(rows, path, parquet, cancellationToken: cancellationToken);
            }
        }

        folder.Commit();
        return (folder.FinalPath, flipped);
    }

    private static IndexRow Row(Random random, int classCount, double noise, long id)
    {
        var truth = new bool[classCount];
        var probabilities = new double[classCount];
        for (var k = 0; k < classCount; k++)
        {
            truth[k] = random.NextDouble() < ClassPresence;
            // Squared uniforms keep most probabilities near the truth and some far off, as a fair model's are.
            var miss = 0.7 * Math.Pow(random.NextDouble(), 2);
            probabilities[k] = truth[k] ? 1 - miss : miss;
        }

        var given = (bool[])truth.Clone();
        if (random.NextDouble() < noise)
        {
            var k = random.Next(classCount);
            given[k] = !given[k];
        }

        return new IndexRow
        {
            Id = id,
            Labels = Classes(given),
            TrueLabels = Classes(truth),
            Probabilities = probabilities,
        };
    }

    private static int[] Classes(bool[] memberships) => Enumerable.Range(0, memberships.Length).Where(k => memberships[k]).ToArray();

    /// <summary>A row with class indices.</summary>
    public sealed class IndexRow
    {
        /// <summary>Row id.</summary>
        [JsonPropertyName("id")]
        public long Id { get; set; }

        /// <summary>The given classes.</summary>
        [JsonPropertyName("labels")]
        public int[] Labels { get; set; } = [];

        /// <summary>The classes before noise.</summary>
        [JsonPropertyName("true_labels")]
        public int[] TrueLabels { get; set; } = [];

        /// <summary>Per-class probability.</summary>
        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];

        /// <summary>The same row with class names.</summary>
        public NamedRow Named(string[] names) => new()
        {
            Id = Id,
            Labels = Labels.Select(k => names[k]).ToArray(),
            TrueLabels = TrueLabels.Select(k => names[k]).ToArray(),
            Probabilities = Probabilities,
        };
    }

    /// <summary>A row with class names.</summary>
    public sealed class NamedRow
    {
        /// <summary>Row id.</summary>
        [JsonPropertyName("id")]
        public long Id { get; set; }

        /// <summary>The given classes.</summary>
        [JsonPropertyName("labels")]
        public string[] Labels { get; set; } = [];

        /// <summary>The classes before noise.</summary>
        [JsonPropertyName("true_labels")]
        public string[] TrueLabels { get; set; } = [];

        /// <summary>Per-class probability.</summary>
        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];
    }
}
