using System.Collections;
using System.Globalization;
using Parquet.Serialization;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Reads Parquet inputs as <c>spark.read.parquet</c> sees them: files under folders (names
/// starting with <c>_</c> or <c>.</c> skipped), Hive <c>key=value</c> folders as partition
/// columns typed int, bigint, double or string (<c>PartitioningUtils.inferPartitionColumnValue</c>),
/// and the hidden <c>_metadata</c> struct of each row.
/// </summary>
internal static class ParquetInput
{
    private static readonly SqlType MetadataType = SqlType.StructOf(
    [
        new StructField("file_path", SqlType.String),
        new StructField("file_name", SqlType.String),
        new StructField("file_size", SqlType.Long),
        new StructField("file_block_start", SqlType.Long),
        new StructField("file_block_length", SqlType.Long),
        new StructField("file_modification_time", SqlType.Timestamp),
        new StructField("row_index", SqlType.Long),
    ]);

    public static (IReadOnlyList<ColumnInfo> Columns, List<List<object?[]>> Files) Read(IReadOnlyList<string> paths)
    {
        var files = paths.SelectMany(Discover).ToList();
        if (files.Count == 0)
        {
            throw new AnalysisException($"[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be specified manually: no files in {string.Join(", ", paths)}.");
        }

        var partitionNames = files[0].Partitions.Select(p => p.Key).ToList();
        var partitionTypes = partitionNames.Select(name => InferType(files.Select(f => f.Partitions.First(p => p.Key == name).Value))).ToList();
        List<ColumnInfo>? dataColumns = null;
        var result = new List<List<object?[]>>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file.Path);
            var content = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            var schema = content.Schema.Fields.Select(f => new ColumnInfo(f.Name, ParquetTypes.ToSql(f))).ToList();
            stream.Position = 0;
            var lists = PrimitiveLists.Read(stream, content.Schema);
            dataColumns ??= schema;
            var info = new FileInfo(file.Path);
            var uri = LocalPaths.ToSparkUri(file.Path);
            var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks / 10;
            var partitionValues = partitionNames.Select((name, i) => Partition(file.Partitions.First(p => p.Key == name).Value, partitionTypes[i])).ToArray();
            var rows = new List<object?[]>();
            long index = 0;
            foreach (var record in content.Data)
            {
                var values = schema.Select(c => lists.TryGetValue(c.Name, out var list)
                    ? Value(list[(int)index], c.Type)
                    : Value(record.TryGetValue(c.Name, out var v) ? v : null, c.Type)).Concat(partitionValues).ToList();
                values.Add(new object?[] { uri, info.Name, info.Length, 0L, info.Length, modified, index++ });
                rows.Add(values.ToArray());
            }

            result.Add(rows);
        }

        var columns = dataColumns!.Concat(partitionNames.Select((n, i) => new ColumnInfo(n, partitionTypes[i])))
            .Append(new ColumnInfo("_metadata", MetadataType, Hidden: true)).ToList();
        return (columns, result);
    }

    private static IEnumerable<(string Path, List<KeyValuePair<string, string>> Partitions)> Discover(string path)
    {
        if (File.Exists(path))
        {
            yield return (path, []);
            yield break;
        }

        if (!Directory.Exists(path))
        {
            throw new AnalysisException($"[PATH_NOT_FOUND] Path does not exist: {LocalPaths.ToSparkUri(path)}.");
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(path, file).Split(Path.DirectorySeparatorChar);
            if (relative.Any(part => part.StartsWith('_') && !part.Contains('=', StringComparison.Ordinal) || part.StartsWith('.')))
            {
                continue;
            }

            var partitions = relative[..^1].Where(part => part.Contains('=', StringComparison.Ordinal))
                .Select(part => new KeyValuePair<string, string>(Uri.UnescapeDataString(part[..part.IndexOf('=', StringComparison.Ordinal)]), Uri.UnescapeDataString(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..])))
                .ToList();
            yield return (file, partitions);
        }
    }

    private static SqlType InferType(IEnumerable<string> values)
    {
        var present = values.Where(v => v != "__HIVE_DEFAULT_PARTITION__").ToList();
        var invariant = CultureInfo.InvariantCulture;
        if (present.All(v => int.TryParse(v, NumberStyles.AllowLeadingSign, invariant, out _)))
        {
            return SqlType.Int;
        }

        if (present.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, invariant, out _)))
        {
            return SqlType.Long;
        }

        return present.All(v => double.TryParse(v, NumberStyles.Float, invariant, out _)) ? SqlType.Double : SqlType.String;
    }

    private static object? Partition(string value, SqlType type) =>
        value == "__HIVE_DEFAULT_PARTITION__" ? null : Casts.Converter(SqlType.String, type)(value);

    private static object? Value(object? value, SqlType type) => value switch
    {
        null => null,
        ReadOnlyMemory<char> text => text.ToString(),
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        IDictionary<string, object?> record when type.Kind == TypeKind.Struct => type.Fields.Select(f => Value(record.TryGetValue(f.Name, out var v) ? v : null, f.Type)).ToArray(),
        IEnumerable items when type.Kind == TypeKind.Array && value is not string => items.Cast<object?>().Select(i => Value(i, type.Element!)).ToArray(),
        byte b when type.Kind == TypeKind.Short => (short)b,
        ushort u when type.Kind == TypeKind.Int => (int)u,
        uint u when type.Kind == TypeKind.Long => (long)u,
        ulong u when type.Kind == TypeKind.Decimal => new System.Numerics.BigInteger(u),
        decimal d when type.Kind == TypeKind.Decimal => Decimals.Parse(d.ToString(CultureInfo.InvariantCulture)) is { } x ? Decimals.Rescale(x.Unscaled, x.Scale, type.Scale) : null,
        global::Parquet.Data.BigDecimal big when type.Kind == TypeKind.Decimal => Decimals.Rescale(big.UnscaledValue, big.Scale, type.Scale),
        _ => ExternalValues.ToInternal(value, type),
    };
}
