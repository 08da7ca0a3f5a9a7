using System.IO.Compression;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// An <c>.npz</c> archive as <c>numpy.savez</c> (stored) or <c>numpy.savez_compressed</c> (deflate) writes it, with
/// members <c>labels.npy</c> and <c>pred_probs.npy</c>. A zip member cannot be read at an arbitrary row, so each is
/// decompressed once into a temporary file that the batches then read like any <c>.npy</c> file.
/// </summary>
internal static class NpzArchive
{
    /// <summary>The archive's file extension.</summary>
    public const string Extension = ".npz";

    /// <summary>Opens <paramref name="path"/> and extracts both arrays.</summary>
    /// <exception cref="InputDataException">The file is missing, not a zip archive, or lacks a member.</exception>
    public static NpyPair Open(string path)
    {
        try
        {
            using ZipArchive archive = ZipFile.OpenRead(path);
            return new NpyPair(Extract(archive, path, NpyPair.LabelsFileName), Extract(archive, path, NpyPair.ProbabilitiesFileName));
        }
        catch (InvalidDataException e)
        {
            throw new InputDataException($"The .npz file is not a readable zip archive: {e.Message}", "Save it again with numpy.savez or numpy.savez_compressed.", file: path, inner: e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputDataException($"Cannot read the .npz file: {e.Message}", "Check that the file exists and that the job's user may read it.", file: path, inner: e);
        }
    }

    private static NpySource Extract(ZipArchive archive, string path, string member)
    {
        ZipArchiveEntry entry = archive.GetEntry(member) ?? throw new InputDataException(
            $"The .npz archive has no array '{Path.GetFileNameWithoutExtension(member)}'; it holds [{string.Join(", ", archive.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName)))}]",
            "Save it with numpy.savez(path, labels=labels, pred_probs=pred_probs).", file: path);
        using Stream stream = entry.Open();
        return NpySource.Extracted(path, member, stream);
    }
}
