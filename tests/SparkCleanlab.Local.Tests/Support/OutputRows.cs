using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>The rows of one output subfolder, as column name to values, in file then row order.</summary>
public sealed class OutputRows
{
    private readonly Dictionary<string, List<object>> _columns = [];

    public int Count { get; private set; }

    public IReadOnlyList<T> Column<T>(string name) => _columns[name].Cast<T>().ToArray();

    public static async Task<OutputRows> ReadAsync(string folder, int classCount)
    {
        var rows = new OutputRows();
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.parquet").Length == 0)
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
}
