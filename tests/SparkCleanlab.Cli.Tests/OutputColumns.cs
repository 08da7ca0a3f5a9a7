using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace SparkCleanlab.Cli.Tests;

/// <summary>The part files of one output subfolder, read back with Parquet.Net: column names and flat column values.</summary>
internal static class OutputColumns
{
    /// <summary>The top-level column names of the subfolder's first part file; empty without part files.</summary>
    public static async Task<string[]> NamesAsync(string folder)
    {
        string? first = Parts(folder).FirstOrDefault();
        if (first is null) return [];
        await using ParquetReader reader = await ParquetReader.CreateAsync(first);
        return reader.Schema.Fields.Select(f => f.Name).ToArray();
    }

    /// <summary>Every value of the flat non-null column <paramref name="name"/> over the subfolder's part files, in file then row order.</summary>
    public static async Task<T[]> ValuesAsync<T>(string folder, string name)
        where T : struct
    {
        var values = new List<T>();
        foreach (string part in Parts(folder))
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(part);
            DataField field = reader.Schema.GetDataFields().Single(f => f.Name == name);
            for (int rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(rowGroup);
                var rows = new T[group.RowCount];
                await group.ReadRawAsync(field, rows.AsMemory(), null, null);
                values.AddRange(rows);
            }
        }

        return values.ToArray();
    }

    /// <summary>Every <c>invalid_reason</c> over the subfolder's part files, in file then row order.</summary>
    public static async Task<string[]> InvalidReasonsAsync(string folder)
    {
        var values = new List<string>();
        foreach (string part in Parts(folder))
        {
            values.AddRange((await ParquetSerializer.DeserializeAsync<InvalidRow>(part)).Data.Select(r => r.Reason ?? ""));
        }

        return values.ToArray();
    }

    private static IEnumerable<string> Parts(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal) : [];

    private sealed class InvalidRow
    {
        [JsonPropertyName("invalid_reason")]
        public string? Reason { get; set; }
    }
}
