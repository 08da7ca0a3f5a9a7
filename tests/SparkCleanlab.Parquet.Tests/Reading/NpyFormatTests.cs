using SparkCleanlab.Plan;
using System.Runtime.InteropServices;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>The .npy and .npz files cleanlab users have: every dtype numpy gives labels and probabilities, C and Fortran order, archives.</summary>
public class NpyFormatTests
{
    // Three rows, K = 2; exact in float16, so every width reads the same numbers.
    private static readonly double[] Probabilities = [0.75, 0.25, 0.5, 0.5, 0.125, 0.875];
    private static readonly long[] Labels = [1, 0, 1];

    public static TheoryData<string> IntegerTypes() => ["|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4"];

    public static TheoryData<string> FloatTypes() => ["<f2", "<f4", "<f8"];

    [Theory]
    [MemberData(nameof(IntegerTypes))]
    public async Task LabelsOfEveryIntegerWidthRead(string descr)
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.Combine("labels.npy"), NpyFile.Bytes(descr, false, Encode(descr, Labels), 3));
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", Probabilities, 3, 2);

        var (labels, _, problems) = await Data.ReadAllAsync(await InputDataset.OpenAsync(temp.Path));

        Assert.Equal([1, 0, 1], labels);
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(FloatTypes))]
    public async Task ProbabilitiesOfEveryFloatWidthReadAndStayCompact(string descr)
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", Labels, 3);
        File.WriteAllBytes(temp.Combine("pred_probs.npy"), NpyFile.Bytes(descr, false, Encode(descr, Probabilities), 3, 2));

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);
        var (_, probabilities, _) = await Data.ReadAllAsync(dataset);
        using InputBatch batch = await dataset.ReadAsync(dataset.Partitions[0]);

        Assert.Equal(Probabilities, probabilities);
        Assert.Equal(descr == "<f8" ? typeof(double) : typeof(float), batch.Columns[1].Field.ClrType);
    }

    [Fact]
    public async Task FortranOrderReadsLikeCOrder()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", true, Encode("<i8", Labels), 3);
        double[] columnMajor = [0.75, 0.5, 0.125, 0.25, 0.5, 0.875];
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", true, Encode("<f8", columnMajor), 3, 2);

        var (labels, probabilities, _) = await Data.ReadAllAsync(await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { NpyBatchRows = 2 }));

        Assert.Equal([1, 0, 1], labels);
        Assert.Equal(Probabilities, probabilities);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NpzArchivesReadStoredAndDeflated(bool compressed)
    {
        using var temp = new TempFolder();
        string archive = temp.Combine("arrays.npz");
        NpyFile.WriteArchive(archive, compressed,
            ("pred_probs", NpyFile.Bytes("<f4", false, Encode("<f4", Probabilities), 3, 2)),
            ("labels", NpyFile.Bytes("|u1", false, Encode("|u1", Labels), 3)));

        InputDataset dataset = await InputDataset.OpenAsync(archive, new InputSchemaOptions { NpyBatchRows = 2 });
        var (labels, probabilities, _) = await Data.ReadAllAsync(dataset);

        Assert.Equal([1, 0, 1], labels);
        Assert.Equal(Probabilities, probabilities);
        Assert.Equal(archive, dataset.Partitions[0].File);
    }

    [Fact]
    public async Task AnNpzWithoutTheArraysNamesWhatItHolds()
    {
        using var temp = new TempFolder();
        string archive = temp.Combine("arrays.npz");
        NpyFile.WriteArchive(archive, false, ("arr_0", NpyFile.Bytes("<i8", Labels, 3)), ("arr_1", NpyFile.Bytes("<f8", Probabilities, 3, 2)));

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(archive));

        Assert.Contains("no array 'labels'; it holds [arr_0, arr_1]", error.Message);
        Assert.Equal(archive, error.File);
    }

    [Fact]
    public async Task EveryRowCarriesItsPositionInTheArrays()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", Labels, 3);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", Probabilities, 3, 2);

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { NpyBatchRows = 2 });
        var positions = new List<long>();
        foreach (InputPartition partition in dataset.Partitions)
        {
            using InputBatch batch = await dataset.ReadAsync(partition);
            positions.AddRange(((PassThroughColumn<long>)batch.Columns.Single(c => c.Name == "row_index")).Values.ToArray());
        }

        Assert.Equal([0L, 1, 2], positions);
    }

    [Theory]
    [InlineData(">f8", "float16")]
    [InlineData("<u8", "int8..int64")]
    public async Task UnsupportedDtypesNameTheAcceptedOnes(string descr, string expected)
    {
        using var temp = new TempFolder();
        bool labelsArray = descr == "<u8";
        NpyFile.Write(temp.Combine("labels.npy"), labelsArray ? descr : "<i8", false, Encode("<i8", Labels), 3);
        NpyFile.Write(temp.Combine("pred_probs.npy"), labelsArray ? "<f8" : descr, false, Encode("<f8", Probabilities), 3, 2);

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Contains($"'{descr}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static byte[] Encode(string descr, IEnumerable<double> values) => descr[1..] switch
    {
        "f2" => Bytes(values.Select(v => (Half)v)),
        "f4" => Bytes(values.Select(v => (float)v)),
        _ => Bytes(values),
    };

    private static byte[] Encode(string descr, IEnumerable<long> values) => descr[1..] switch
    {
        "i1" => Bytes(values.Select(v => (sbyte)v)),
        "i2" => Bytes(values.Select(v => (short)v)),
        "i4" => Bytes(values.Select(v => (int)v)),
        "u1" => values.Select(v => (byte)v).ToArray(),
        "u2" => Bytes(values.Select(v => (ushort)v)),
        "u4" => Bytes(values.Select(v => (uint)v)),
        _ => Bytes(values),
    };

    private static byte[] Bytes<T>(IEnumerable<T> values) where T : struct => MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray();
}
