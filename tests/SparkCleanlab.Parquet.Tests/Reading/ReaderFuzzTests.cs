using Parquet;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;
using Xunit.Abstractions;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>
/// Corrupt copies of small valid inputs, read through the real reading path: each must either read or fail with
/// an <see cref="InputDataException"/> that says something, never another exception, a crash or a hang.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper log)
{
    private const int Seed = 20_260_611;
    private static readonly TimeSpan PerMutant = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(ProbabilityLayout.ListColumn, false)]
    [InlineData(ProbabilityLayout.ClassColumns, true)]
    public async Task ParquetMutantsReadOrFailAsInputErrors(ProbabilityLayout layout, bool singlePrecision)
    {
        using var temp = new TempFolder();
        string original = (await SyntheticDatasetWriter.WriteAsync(
            temp.Combine("valid"), Data.Make(60, 3, seed: 5), new SyntheticLayout { Layout = layout, SinglePrecision = singlePrecision, RowGroupsPerFile = 2 }))[0];
        byte[] valid = await File.ReadAllBytesAsync(original);
        ParquetRegions regions = await ParquetRegions.OfAsync(original, valid.Length);
        var random = new Random(Seed + (int)layout);

        var mutants = new List<(string Name, byte[] Bytes)>();
        for (int i = 0; i < 30; i++) mutants.Add(Truncate(valid, random));
        for (int i = 0; i < 50; i++) mutants.Add(Flip("footer", valid, random, regions.FooterStart, regions.FooterEnd));
        for (int i = 0; i < 50; i++)
        {
            long header = regions.PageStarts[random.Next(regions.PageStarts.Count)];
            mutants.Add(Flip("page header", valid, random, header, Math.Min(header + 24, regions.FooterStart)));
        }
        for (int i = 0; i < 40; i++) mutants.Add(Flip("page", valid, random, 4, regions.FooterStart));

        await AssertEveryMutantReadsOrFailsCleanlyAsync(temp, mutants, (folder, bytes) => File.WriteAllBytes(Path.Combine(folder, "part-00000.parquet"), bytes), null);
    }

    [Fact]
    public async Task NpyMutantsReadOrFailAsInputErrors()
    {
        using var temp = new TempFolder();
        var random = new Random(Seed);
        long[] labels = Enumerable.Range(0, 50).Select(i => (long)(i % 3)).ToArray();
        double[] probabilities = Enumerable.Range(0, 150).Select(i => (i % 3 + 1) / 6.0).ToArray();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", labels, labels.Length);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", probabilities, labels.Length, 3);
        byte[] validLabels = await File.ReadAllBytesAsync(temp.Combine("labels.npy"));
        byte[] validProbabilities = await File.ReadAllBytesAsync(temp.Combine("pred_probs.npy"));
        const int HeaderEnd = 128;

        var mutants = new List<(string Name, byte[] Bytes)>();
        foreach (byte[] valid in new[] { validLabels, validProbabilities })
        {
            for (int i = 0; i < 20; i++) mutants.Add(Truncate(valid, random));
            for (int i = 0; i < 60; i++) mutants.Add(Flip("header", valid, random, 0, HeaderEnd));
            for (int i = 0; i < 20; i++) mutants.Add(Flip("data", valid, random, HeaderEnd, valid.Length));
        }
        int half = mutants.Count / 2;

        await AssertEveryMutantReadsOrFailsCleanlyAsync(temp, mutants, (folder, bytes) =>
        {
            int index = int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(folder, "labels.npy"), index < half ? bytes : validLabels);
            File.WriteAllBytes(Path.Combine(folder, "pred_probs.npy"), index < half ? validProbabilities : bytes);
        }, new InputSchemaOptions { NpyBatchRows = 16 });
    }

    private async Task AssertEveryMutantReadsOrFailsCleanlyAsync(
        TempFolder temp, List<(string Name, byte[] Bytes)> mutants, Action<string, byte[]> write, InputSchemaOptions? options)
    {
        var failures = new List<string>();
        int read = 0, rejected = 0;
        for (int i = 0; i < mutants.Count; i++)
        {
            string folder = temp.Combine("mutants", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            write(folder, mutants[i].Bytes);
            try
            {
                await Task.Run(() => ReadEverythingAsync(folder, options)).WaitAsync(PerMutant);
                read++;
            }
            catch (InputDataException e) when (e.Message.Length > 0)
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"mutant {i} ({mutants[i].Name}): {e}");
            }
            Directory.Delete(folder, recursive: true);
        }
        log.WriteLine($"{mutants.Count} mutants: {read} read, {rejected} rejected as input errors, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    private static async Task ReadEverythingAsync(string folder, InputSchemaOptions? options)
    {
        InputDataset dataset = await InputDataset.OpenAsync(folder, options);
        await Data.ReadAllAsync(dataset);
    }

    private static (string, byte[]) Truncate(byte[] valid, Random random)
    {
        int length = random.Next(valid.Length);
        return ($"truncated to {length}", valid[..length]);
    }

    private static (string, byte[]) Flip(string region, byte[] valid, Random random, long start, long end)
    {
        byte[] bytes = (byte[])valid.Clone();
        int flips = random.Next(1, 4);
        var at = new List<long>();
        for (int f = 0; f < flips; f++)
        {
            long position = random.NextInt64(start, end);
            bytes[position] ^= (byte)random.Next(1, 256);
            at.Add(position);
        }
        return ($"{region} bytes {string.Join(',', at)} flipped", bytes);
    }

    /// <summary>Where a valid file's footer and pages are, from its own metadata.</summary>
    private sealed record ParquetRegions(long FooterStart, long FooterEnd, IReadOnlyList<long> PageStarts)
    {
        public static async Task<ParquetRegions> OfAsync(string file, long length)
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(file);
            var starts = reader.Metadata!.RowGroups
                .SelectMany(g => g.Columns)
                .SelectMany(c => new[] { c.MetaData!.DictionaryPageOffset, c.MetaData.DataPageOffset })
                .OfType<long>()
                .Where(o => o > 0)
                .ToList();
            using var stream = File.OpenRead(file);
            var tail = new byte[8];
            stream.Seek(-8, SeekOrigin.End);
            stream.ReadExactly(tail);
            long footerLength = BitConverter.ToInt32(tail, 0);
            return new ParquetRegions(length - 8 - footerLength, length - 8, starts);
        }
    }
}
