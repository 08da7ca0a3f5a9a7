using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SparkCleanlab.Plan.Reporting;

/// <summary>What identifies the input of a run: its files with sizes and modification times, its row count, and a hash of the files.</summary>
/// <param name="Files">The files read, in partition order.</param>
/// <param name="RowCount">Rows over all files (0 where the engine fingerprints before reading rows).</param>
/// <param name="Hash">SHA-256 (hex) over the file list (paths, sizes, times): equal hashes mean the same files, unchanged.</param>
internal sealed record InputFingerprint(IReadOnlyList<InputFile> Files, long RowCount, string Hash)
{
    /// <summary>Fingerprints the local files <paramref name="paths"/>.</summary>
    public static InputFingerprint Of(IEnumerable<string> paths, long rowCount) =>
        Of(paths.Distinct(StringComparer.Ordinal).Select(p =>
        {
            var info = new FileInfo(p);
            return new InputFile(info.FullName, info.Length, info.LastWriteTimeUtc);
        }).ToArray(), rowCount);

    /// <summary>Fingerprints files described by the engine's file system.</summary>
    public static InputFingerprint Of(IReadOnlyList<InputFile> files, long rowCount)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.Path}|{file.Size}|{file.ModifiedUtc:O}\n");
        }

        return new InputFingerprint(files, rowCount, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }
}
