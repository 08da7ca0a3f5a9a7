using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>The run's documents (summary.json, report.html) in a local output folder.</summary>
internal static class RunDocuments
{
    /// <summary>Writes <paramref name="documents"/> into the staged output, then publishes the whole output.</summary>
    public static async Task WriteAndCommitAsync(AtomicOutputFolder folder, IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (name, text) in documents)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.WorkingPath, name), text, cancellationToken);
        }

        folder.Commit();
    }

    /// <summary>A document of the output published at <paramref name="output"/>, or null.</summary>
    public static async Task<string?> ReadPublishedAsync(string output, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(output, name);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }
}
