using SparkCleanlab.Plan;
namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// The two arrays cleanlab's Python users save: <c>labels.npy</c> and <c>pred_probs.npy</c> side by side, or the
/// members <c>labels</c> and <c>pred_probs</c> of one <c>.npz</c> archive.
/// </summary>
/// <param name="Labels">The 1-D integer labels array.</param>
/// <param name="Probabilities">The 2-D probability array.</param>
internal sealed record NpyPair(NpySource Labels, NpySource Probabilities)
{
    /// <summary>File name of the labels array.</summary>
    public const string LabelsFileName = "labels.npy";

    /// <summary>File name of the probabilities array.</summary>
    public const string ProbabilitiesFileName = "pred_probs.npy";

    /// <summary>
    /// The pair for a folder holding both files, for the path of either file (the other is its sibling) or for an
    /// <c>.npz</c> archive; null when <paramref name="inputPath"/> is not NumPy input.
    /// </summary>
    public static NpyPair? TryFind(string inputPath)
    {
        if (inputPath.EndsWith(NpzArchive.Extension, StringComparison.OrdinalIgnoreCase)) return NpzArchive.Open(inputPath);
        string? folder = Directory.Exists(inputPath)
            ? inputPath
            : inputPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(inputPath)) : null;
        if (folder is null) return null;
        string labels = Path.GetFullPath(Path.Combine(folder, LabelsFileName));
        string probabilities = Path.GetFullPath(Path.Combine(folder, ProbabilitiesFileName));
        if (File.Exists(labels) && File.Exists(probabilities)) return new NpyPair(NpySource.Npy(labels), NpySource.Npy(probabilities));
        if (Directory.Exists(inputPath)) return null;
        throw new InputDataException(
            $"A .npy input needs both '{LabelsFileName}' and '{ProbabilitiesFileName}' in the same folder",
            "Save both arrays side by side with numpy.save, or both in one archive with numpy.savez(path, labels=..., pred_probs=...).", file: inputPath);
    }
}
