using Microsoft.Win32.SafeHandles;

namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// Where one array's <c>.npy</c> bytes are: a file of its own, or an <c>.npz</c> member decompressed into an
/// unnamed temporary file that lives as long as this object, and no longer than the process.
/// </summary>
internal sealed class NpySource
{
    // The stream owns the temporary file; its handle, taken once, serves every reader's positional reads.
    private readonly FileStream? _temporary;
    private readonly SafeFileHandle? _temporaryHandle;

    private NpySource(string file, string name, FileStream? temporary)
    {
        File = file;
        Name = name;
        _temporary = temporary;
        _temporaryHandle = temporary?.SafeFileHandle;
    }

    /// <summary>The file on disk that holds the array: the <c>.npy</c> file, or the archive.</summary>
    public string File { get; }

    /// <summary>The path messages name: the file, or <c>archive.npz:member.npy</c>.</summary>
    public string Name { get; }

    /// <summary>A <c>.npy</c> file.</summary>
    public static NpySource Npy(string path) => new(path, path, null);

    /// <summary>
    /// An archive's member, its <paramref name="content"/> copied into a temporary file. The file is unlinked as soon as it is open (deleted on close
    /// where unlinking an open file is not allowed), so no crash leaves it behind.
    /// </summary>
    public static NpySource Extracted(string archive, string member, Stream content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sparkcleanlab-{Guid.NewGuid():N}.npy");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            if (!OperatingSystem.IsWindows()) System.IO.File.Delete(path);
            content.CopyTo(stream);
            stream.Flush();
            return new NpySource(archive, $"{archive}:{member}", stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>A handle for positional reads; the caller disposes it only when <c>Owned</c> is true.</summary>
    internal (SafeFileHandle Handle, bool Owned) Open() =>
        _temporaryHandle is { } shared
            ? (shared, false)
            : (System.IO.File.OpenHandle(File, FileMode.Open, FileAccess.Read, FileShare.Read), true);
}
