using SparkCleanlab.Plan;
namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>The two files cleanlab's Python users save: <c>labels.npy</c> and <c>pred_probs.npy</c>.</summary>
/// <param name="LabelsPath">Path of the 1-D integer labels array.</param>
/// <param name="ProbabilitiesPath">Path of the 2-D probability array.</param>
public sealed record NpyPair(string LabelsPath, string ProbabilitiesPath)
{
    /// <summary>File name of the labels array.</summary>
    public const string LabelsFileName = "labels.npy";

    /// <summary>File name of the probabilities array.</summary>
    public const string ProbabilitiesFileName = "pred_probs.npy";

    /// <summary>
    /// The pair for a folder holding both files, or for the path of either file (the other is its sibling);
    /// null when <paramref name="inputPath"/> is not <c>.npy</c> input.
    /// </summary>
    public static NpyPair? TryFind(string inputPath)
    {
        string? folder = Directory.Exists(inputPath)
            ? inputPath
            : inputPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(inputPath)) : null;
        if (folder is null) return null;
        string labels = Path.GetFullPath(Path.Combine(folder, LabelsFileName));
        string probabilities = Path.GetFullPath(Path.Combine(folder, ProbabilitiesFileName));
        if (File.Exists(labels) && File.Exists(probabilities)) return new NpyPair(labels, probabilities);
        if (Directory.Exists(inputPath)) return null;
        throw new InputDataException(
            $"A .npy input needs both '{LabelsFileName}' and '{ProbabilitiesFileName}' in the same folder",
            "Save both arrays side by side with numpy.save.", file: inputPath);
    }
}
