using System.CommandLine;
using System.Globalization;
using System.Text;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// <c>generate</c>: a synthetic noisy data set with known true labels (column <c>true_label</c>), written
/// file by file so any size streams through bounded memory.
/// </summary>
public static class GenerateCommand
{
    private const string Description = "Write a synthetic noisy data set (Parquet) with known true labels.";

    /// <summary>The command.</summary>
    public static Verb Create()
    {
        var options = new GenerateOptionSet();
        var command = new Command("generate", Description);
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction((result, cancellationToken) => RunAsync(options.Read(result), result.InvocationConfiguration.Output, cancellationToken));
        return new Verb(command, new CommandHelp(
            "sparkcleanlab generate --output FOLDER [options]",
            Description,
            [new("Options", options.All)],
            [
                "sparkcleanlab generate --output data/ --rows 1000000 --classes 10 --noise 0.2 --files 4",
                "sparkcleanlab generate --output npy/ --format npy --float32",
                "sparkcleanlab generate --output features/ --features 8 --string-labels",
            ]));
    }

    // Row-major from the generator, one array per column for the writer.
    private static float[][]? Features(SyntheticFeatures? generator, long first, int[] truth)
    {
        if (generator is null) return null;
        var rows = new float[truth.Length * generator.FeatureCount];
        generator.Fill(first, truth, rows);
        var columns = new float[generator.FeatureCount][];
        for (var f = 0; f < columns.Length; f++)
        {
            columns[f] = new float[truth.Length];
            for (var r = 0; r < truth.Length; r++) columns[f][r] = rows[r * generator.FeatureCount + f];
        }

        return columns;
    }

    private static async Task<int> RunAsync(GenerateOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.MultiLabel)
        {
            var shape = new MultiLabelShape(options.Rows, options.Classes, options.Noise, options.Files, options.RowGroups, options.StringLabels, options.Seed);
            var (path, flippedRows) = await MultiLabelGenerator.WriteAsync(options.Output, options.Overwrite, shape, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {options.Rows:N0} multi-label rows x {options.Classes} classes ({flippedRows:N0} rows with a flipped class, {(double)flippedRows / options.Rows:P2}) to {path}"));
            return (int)ExitCode.Success;
        }

        if (options.Format == "npy" && options.Features > 0)
        {
            throw new UsageException("--features writes feature columns, which .npy output has no place for; use --format parquet.");
        }

        var generator = new SyntheticData(options.Classes, options.Noise, options.Seed);
        using var folder = AtomicOutputFolder.Create(options.Output, options.Overwrite, []);
        var flipped = options.Format == "npy"
            ? WriteNpy(folder.WorkingPath, generator, options)
            : await WriteParquetAsync(folder.WorkingPath, generator, options, cancellationToken);

        folder.Commit();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {options.Rows:N0} rows x {options.Classes} classes{(options.Features > 0 ? $", {options.Features} feature columns" : "")} ({flipped:N0} flipped labels, {(double)flipped / options.Rows:P2}) to {folder.FinalPath}"));
        return (int)ExitCode.Success;
    }

    // Generated and written a slice of rows at a time, so the size of the data set does not bound memory.
    private static long WriteNpy(string folder, SyntheticData generator, GenerateOptions options)
    {
        const int SliceRows = 1 << 14;
        var k = options.Classes;
        long flipped = 0;
        using var labelsFile = NpyWriter.Create(Path.Combine(folder, "labels.npy"), "<i8", options.Rows);
        using var probabilitiesFile = NpyWriter.Create(Path.Combine(folder, "pred_probs.npy"), options.Float32 ? "<f4" : "<f8", options.Rows, k);
        var truth = new int[SliceRows];
        var labels = new int[SliceRows];
        var wideLabels = new long[SliceRows];
        var probabilities = new double[SliceRows * k];
        var narrow = options.Float32 ? new float[SliceRows * k] : [];
        for (long first = 0; first < options.Rows; first += SliceRows)
        {
            var count = (int)Math.Min(SliceRows, options.Rows - first);
            generator.Fill(first, truth.AsSpan(0, count), labels.AsSpan(0, count), probabilities.AsSpan(0, count * k));
            for (var i = 0; i < count; i++)
            {
                wideLabels[i] = labels[i];
                flipped += truth[i] != labels[i] ? 1 : 0;
            }

            labelsFile.Append<long>(wideLabels.AsSpan(0, count));
            if (options.Float32)
            {
                for (var i = 0; i < count * k; i++)
                {
                    narrow[i] = (float)probabilities[i];
                }

                probabilitiesFile.Append<float>(narrow.AsSpan(0, count * k));
            }
            else
            {
                probabilitiesFile.Append<double>(probabilities.AsSpan(0, count * k));
            }
        }

        return flipped;
    }

    private static async Task<long> WriteParquetAsync(string folder, SyntheticData generator, GenerateOptions options, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, options.Classes).Select(c => $"class_{c}").ToArray();
        var featureGenerator = options.Features > 0 ? new SyntheticFeatures(options.Classes, options.Features, options.Seed) : null;
        var layout = new SyntheticLayout
        {
            Layout = options.Layout == "array" ? ProbabilityLayout.ListColumn : ProbabilityLayout.ClassColumns,
            RowGroupsPerFile = options.RowGroups,
            SinglePrecision = options.Float32,
        };
        long flipped = 0;
        for (var file = 0; file < options.Files; file++)
        {
            var first = options.Rows * file / options.Files;
            var count = checked((int)((options.Rows * (file + 1) / options.Files) - first));
            var truth = new int[count];
            var labels = new int[count];
            var probabilities = new double[count * options.Classes];
            generator.Fill(first, truth, labels, probabilities);
            flipped += truth.Zip(labels).Count(x => x.First != x.Second);
            var features = Features(featureGenerator, first, truth);
            var data = new SyntheticDataset(options.Classes, probabilities)
            {
                Labels = options.StringLabels ? null : labels,
                LabelNames = options.StringLabels ? labels.Select(l => (string?)names[l]).ToArray() : null,
                TrueLabels = truth,
                Features = features,
                Ids = Enumerable.Range(0, count).Select(i => first + i).ToArray(),
                ClassNames = names,
            };
            var staging = Path.Combine(folder, $"_file-{file}");
            var written = await SyntheticDatasetWriter.WriteAsync(staging, data, layout, cancellationToken);
            File.Move(written[0], Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{file:D5}.parquet")));
            Directory.Delete(staging);
        }

        return flipped;
    }
}
