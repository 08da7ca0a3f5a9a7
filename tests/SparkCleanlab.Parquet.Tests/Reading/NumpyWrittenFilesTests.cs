using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Tests.Support;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>Files numpy itself writes read as the arrays that were saved (where python3 has numpy).</summary>
public class NumpyWrittenFilesTests
{
    // Five rows, K = 3; every value is exact in float16.
    private const string Script = """
        import os, sys
        import numpy as np
        out = sys.argv[1]
        labels = np.array([1, 0, 2, 1, 0], dtype=np.int8)
        probs = np.array([[0.125, 0.75, 0.125], [0.5, 0.25, 0.25], [0.25, 0.25, 0.5], [0.0625, 0.875, 0.0625], [0.75, 0.125, 0.125]])
        def pair(name, l, p):
            folder = os.path.join(out, name)
            os.makedirs(folder)
            np.save(os.path.join(folder, 'labels.npy'), l)
            np.save(os.path.join(folder, 'pred_probs.npy'), p)
        pair('c-f8-i8', labels.astype(np.int64), probs)
        pair('fortran-f4-u1', labels.astype(np.uint8), np.asfortranarray(probs.astype(np.float32)))
        pair('c-f2-i2', labels.astype(np.int16), probs.astype(np.float16))
        pair('fortran-f8-u4', labels.astype(np.uint32), np.asfortranarray(probs))
        np.savez(os.path.join(out, 'stored.npz'), labels=labels, pred_probs=probs.astype(np.float32))
        np.savez_compressed(os.path.join(out, 'deflated.npz'), labels=labels.astype(np.int32), pred_probs=probs)
        """;

    private static readonly int[] Labels = [1, 0, 2, 1, 0];
    private static readonly double[] Probabilities = [0.125, 0.75, 0.125, 0.5, 0.25, 0.25, 0.25, 0.25, 0.5, 0.0625, 0.875, 0.0625, 0.75, 0.125, 0.125];

    [NumpyFact]
    public async Task EveryLayoutNumpyWritesReadsAsSaved()
    {
        using var temp = new TempFolder();
        var run = Numpy.Run(Script, temp.Path);
        Assert.True(run.Code == 0, run.Error);

        foreach (string input in new[] { "c-f8-i8", "fortran-f4-u1", "c-f2-i2", "fortran-f8-u4", "stored.npz", "deflated.npz" })
        {
            var (labels, probabilities, problems) = await Data.ReadAllAsync(await InputDataset.OpenAsync(temp.Combine(input), new() { NpyBatchRows = 2 }));

            Assert.True(Labels.SequenceEqual(labels), input);
            Assert.True(Probabilities.SequenceEqual(probabilities), input);
            Assert.Empty(problems);
        }
    }
}
