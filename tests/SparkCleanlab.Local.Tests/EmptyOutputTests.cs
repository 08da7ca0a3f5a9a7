using Parquet;
using Parquet.Schema;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Local.Tests;

/// <summary>
/// An output folder with no rows still holds one Parquet file with its columns, as Spark writes an
/// empty DataFrame, so a scheduled job that reads <c>issues/</c> or <c>invalid/</c> next does not
/// fail on a clean data set.
/// </summary>
public class EmptyOutputTests
{
    [Theory]
    [InlineData(ProbabilityLayout.ListColumn, false)]
    [InlineData(ProbabilityLayout.ClassColumns, false)]
    [InlineData(ProbabilityLayout.ListColumn, true)]
    public async Task FoldersWithoutRowsHaveTheColumnsTheyHaveWithRows(ProbabilityLayout layout, bool classNames)
    {
        using var temp = new TempFolder();
        var clean = await RunAsync(temp.Combine("clean"), layout, classNames, mislabelled: 0, invalid: 0);
        var noisy = await RunAsync(temp.Combine("noisy"), layout, classNames, mislabelled: 5, invalid: 2);
        Assert.Equal((0, 0L), (clean.IssueRows, clean.InvalidRows));
        Assert.True(noisy.IssueRows > 0);
        Assert.Equal(2, noisy.InvalidRows);

        foreach (var folder in new[] { OutputLayout.Issues, OutputLayout.Invalid })
        {
            var files = Directory.GetFiles(Path.Combine(clean.OutputPath, folder), "*.parquet");
            var file = Assert.Single(files);
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.Equal(0, reader.RowGroupCount);
            Assert.Equal(await FieldsAsync(Directory.GetFiles(Path.Combine(noisy.OutputPath, folder), "*.parquet")[0]), Fields(reader.Schema));
        }
    }

    [Fact]
    public async Task WhenEveryRowIsInvalidTheRunFailsAndStillPublishesEveryRowInInvalidWithItsReason()
    {
        using var temp = new TempFolder();
        var error = await Assert.ThrowsAsync<InputDataException>(() => RunAsync(temp.Path, ProbabilityLayout.ListColumn, false, mislabelled: 0, invalid: 60));

        Assert.Contains("All 60 rows are invalid", error.Message);
        var output = Path.Combine(temp.Path, "out");
        var invalidFiles = Directory.GetFiles(Path.Combine(output, OutputLayout.Invalid), "*.parquet");
        Assert.Equal(4, invalidFiles.Length);
        long rows = 0;
        foreach (var file in invalidFiles)
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.Contains(OutputLayout.InvalidReason, Fields(reader.Schema).Select(f => f.Split(' ')[0]));
            rows += Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.RowGroups[g].RowCount);
        }

        Assert.Equal(60, rows);
        foreach (var folder in new[] { OutputLayout.Cleaned, OutputLayout.Issues })
        {
            await using var reader = await ParquetReader.CreateAsync(Assert.Single(Directory.GetFiles(Path.Combine(output, folder), "*.parquet")));
            Assert.Equal(0, reader.RowGroupCount);
        }
    }

    private static async Task<RunResult> RunAsync(string root, ProbabilityLayout layout, bool classNames, int mislabelled, int invalid)
    {
        const int rows = 60;
        const int k = 3;
        var probabilities = new double[rows * k];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var truth = i % k;
            for (var j = 0; j < k; j++)
            {
                probabilities[(i * k) + j] = j == truth ? 0.9 : 0.05;
            }

            labels[i] = i < mislabelled ? (truth + 1) % k : truth;
        }

        for (var i = rows - invalid; i < rows; i++)
        {
            probabilities[i * k] = double.NaN;
        }

        var names = new[] { "cat", "dog", "fox" };
        var data = new SyntheticDataset(k, probabilities)
        {
            Labels = classNames ? null : labels,
            LabelNames = classNames ? labels.Select(l => (string?)names[l]).ToArray() : null,
            ClassNames = classNames ? names : null,
            Ids = Enumerable.Range(0, rows).Select(i => (long)i).ToArray(),
        };
        var input = Path.Combine(root, "in");
        await SyntheticDatasetWriter.WriteAsync(input, data, new SyntheticLayout { Layout = layout, Files = 2, RowGroupsPerFile = 2 });
        var options = Parity.Options(input, Path.Combine(root, "out"), 2) with { InvalidRows = InvalidRowPolicy.Quarantine };
        if (classNames)
        {
            options = options with { Columns = options.Columns with { Classes = names } };
        }

        return await LocalEngine.RunAsync(options);
    }

    private static async Task<string[]> FieldsAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        return Fields(reader.Schema);
    }

    private static string[] Fields(ParquetSchema schema) =>
        schema.GetDataFields().Select(f => $"{f.Path} {f.ClrType.Name} {f.MaxRepetitionLevel} {f.MaxDefinitionLevel}").ToArray();
}
