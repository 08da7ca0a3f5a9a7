using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>The rows of one output subfolder, as column name to values, in file then row order.</summary>
public sealed class OutputRows
{
    private readonly Dictionary<string, List<object>> _columns = [];

    public int Count { get; private set; }

    /// <summary>The values of one column; an output with no rows has no values in any column.</summary>
    public IReadOnlyList<T> Column<T>(string name) =>
        _columns.TryGetValue(name, out var values) ? values.Cast<T>().ToArray()
        : Count == 0 ? [] : throw new KeyNotFoundException($"No column '{name}' in the output.");

    public static async Task<OutputRows> ReadAsync(string folder, int classCount)
    {
        var rows = new OutputRows();
        // A folder with no rows holds one empty file for its schema, which the engine's reader refuses as input.
        if (!Directory.Exists(folder) || await RowCountAsync(folder) == 0)
        {
            return rows;
        }

        var dataset = await InputDataset.OpenAsync(folder, new InputSchemaOptions { ClassCount = classCount });
        foreach (var partition in dataset.Partitions)
        {
            using var batch = await dataset.ReadAsync(partition);
            foreach (var column in batch.Columns)
            {
                var values = rows._columns.TryGetValue(column.Name, out var list) ? list : rows._columns[column.Name] = [];
                switch (column)
                {
                    case PassThroughColumn<long> longs: values.AddRange(longs.Values.ToArray().Cast<object>()); break;
                    case PassThroughColumn<int> ints: values.AddRange(ints.Values.ToArray().Cast<object>()); break;
                    case PassThroughColumn<double> doubles when column.Field.MaxRepetitionLevel == 0: values.AddRange(doubles.Values.ToArray().Cast<object>()); break;
                    case PassThroughColumn<ReadOnlyMemory<char>> strings: values.AddRange(strings.Values.ToArray().Select(s => (object)s.ToString())); break;
                }
            }

            rows.Count += batch.Count;
        }

        return rows;
    }

    private static async Task<long> RowCountAsync(string folder)
    {
        long rows = 0;
        foreach (var file in Directory.GetFiles(folder, "*.parquet"))
        {
            await using var reader = await global::Parquet.ParquetReader.CreateAsync(file);
            rows += reader.Metadata?.NumRows ?? 0;
        }

        return rows;
    }
}
