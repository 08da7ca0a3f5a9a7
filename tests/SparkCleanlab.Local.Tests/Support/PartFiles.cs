using Parquet;
using Parquet.Serialization;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>Rows written as, and read back from, the part files of a folder.</summary>
public static class PartFiles
{
    /// <summary>Writes the rows as <paramref name="files"/> files of row groups of <paramref name="rowGroupRows"/> rows.</summary>
    public static async Task WriteAsync<T>(IReadOnlyList<T> rows, string folder, int files, int rowGroupRows)
    {
        Directory.CreateDirectory(folder);
        var perFile = (rows.Count + files - 1) / files;
        for (var f = 0; f < files; f++)
        {
            await ParquetSerializer.SerializeAsync(rows.Skip(f * perFile).Take(perFile), Path.Combine(folder, $"part-{f:D5}.parquet"), new ParquetOptions { RowGroupSize = rowGroupRows });
        }
    }

    /// <summary>The rows of every part file of <paramref name="folder"/>, files in name order.</summary>
    public static async Task<List<T>> ReadAsync<T>(string folder)
        where T : class, new()
    {
        var rows = new List<T>();
        foreach (var file in Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
        {
            rows.AddRange((await ParquetSerializer.DeserializeAsync<T>(file)).Data);
        }

        return rows;
    }
}
