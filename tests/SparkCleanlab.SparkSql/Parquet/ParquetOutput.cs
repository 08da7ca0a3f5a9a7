using Parquet.Schema;
using Parquet.Serialization;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// <c>write.mode("error").parquet(path)</c>: fails when the path exists, writes one
/// <c>part-NNNNN-uuid-c000.snappy.parquet</c> per non-empty partition (one empty file with the
/// schema when there are no rows at all), then <c>_SUCCESS</c>.
/// </summary>
internal static class ParquetOutput
{
    public static void Write(string path, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<List<object?[]>> partitions)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new AnalysisException($"[PATH_ALREADY_EXISTS] Path {LocalPaths.ToSparkUri(path)} already exists. Set mode as \"overwrite\" to overwrite the existing path.");
        }

        Directory.CreateDirectory(path);
        var schema = new ParquetSchema(columns.Select(c => ParquetTypes.ToParquet(c.Name, c.Type)).ToArray());
        var job = Guid.NewGuid();
        var written = 0;
        for (var p = 0; p < partitions.Count; p++)
        {
            if (partitions[p].Count > 0)
            {
                WritePart(Path.Combine(path, $"part-{p:D5}-{job}-c000.snappy.parquet"), schema, columns, partitions[p]);
                written++;
            }
        }

        if (written == 0)
        {
            WritePart(Path.Combine(path, $"part-00000-{job}-c000.snappy.parquet"), schema, columns, []);
        }

        File.WriteAllBytes(Path.Combine(path, "_SUCCESS"), []);
    }

    private static void WritePart(string file, ParquetSchema schema, IReadOnlyList<ColumnInfo> columns, List<object?[]> rows)
    {
        var records = rows.Select(row =>
        {
            IDictionary<string, object?> record = new Dictionary<string, object?>();
            for (var i = 0; i < columns.Count; i++)
            {
                record[columns[i].Name] = ToParquetValue(row[i], columns[i].Type);
            }

            return record;
        }).ToList();
        using var stream = File.Create(file);
        ParquetSerializer.SerializeUntypedAsync(records!, schema, stream).GetAwaiter().GetResult();
    }

    // The untyped serializer reads list values as IEnumerable<T> of the element's CLR type; string
    // elements it reads as ReadOnlyMemory<char>? (a top-level string column takes strings).
    private static Array TypedList(object?[] items, SqlType element)
    {
        if (element.Kind == TypeKind.String)
        {
            return items.Select(i => i is string s ? s.AsMemory() : (ReadOnlyMemory<char>?)null).ToArray();
        }

        var list = Array.CreateInstance(ParquetTypes.ClrElementType(element), items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            list.SetValue(items[i], i);
        }

        return list;
    }

    private static object? ToParquetValue(object? value, SqlType type) => value switch
    {
        null => null,
        object?[] items when type.Kind == TypeKind.Array => TypedList(items.Select(i => ToParquetValue(i, type.Element!)).ToArray(), type.Element!),
        object?[] fields => (IDictionary<string, object?>)type.Fields.Select((f, i) => (f.Name, Value: ToParquetValue(fields[i], f.Type))).ToDictionary(x => x.Name, x => x.Value),
        _ => ExternalValues.ToExternal(value, type) is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : ExternalValues.ToExternal(value, type),
    };
}
