using System.Reflection;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Top-level lists of primitives assembled from their definition and repetition levels, because
/// Parquet.Net's untyped reader drops NULL elements, which Spark keeps (a short or gappy
/// probability array must stay visible to the plan). Below the list's own level the list is
/// NULL, at it the list is empty, above it an element is present, NULL unless fully defined.
/// The column's values hold the fully defined elements only, so they are read in turn, one per
/// entry at the maximum definition level (as parquet-mr's column reader does); Parquet.Net's
/// <c>NullableValues</c> misplaces them in nested columns, so its dense <c>Values</c> are read.
/// </summary>
internal static class PrimitiveLists
{
    private static readonly MethodInfo DenseValues = typeof(PrimitiveLists).GetMethod(nameof(Dense), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Each such column's values, one per row of the file, by column name.</summary>
    public static Dictionary<string, List<object?[]?>> Read(Stream stream, ParquetSchema schema)
    {
        var columns = new Dictionary<string, List<object?[]?>>(StringComparer.Ordinal);
        var lists = schema.Fields.OfType<ListField>().Where(l => l.Item is DataField).ToList();
        if (lists.Count == 0)
        {
            return columns;
        }

        var reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        try
        {
            foreach (var list in lists)
            {
                columns[list.Name] = Assemble(reader, list);
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return columns;
    }

    private static List<object?[]?> Assemble(ParquetReader reader, ListField list)
    {
        var rows = new List<object?[]?>();
        var field = (DataField)list.Item;
        var listLevel = list.MaxDefinitionLevel - 1;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var raw = reader.OpenRowGroupReader(g).ReadRawColumnDataBaseAsync(field).GetAwaiter().GetResult();
            var values = (List<object?>)DenseValues.MakeGenericMethod(raw.GetType().GetGenericArguments()[0]).Invoke(null, [raw])!;
            var definitions = raw.DefinitionLevels.ToArray();
            var repetitions = raw.RepetitionLevels.ToArray();
            List<object?>? current = null;
            var next = 0;
            for (var k = 0; k < definitions.Length; k++)
            {
                if (repetitions[k] == 0)
                {
                    Flush(rows, current, started: k > 0);
                    current = definitions[k] < listLevel ? null : [];
                }

                var defined = definitions[k] == field.MaxDefinitionLevel;
                if (current is not null && definitions[k] > listLevel)
                {
                    current.Add(defined ? values[next] : null);
                }

                if (defined)
                {
                    next++;
                }
            }

            Flush(rows, current, started: definitions.Length > 0);
        }

        return rows;
    }

    private static List<object?> Dense<T>(RawColumnData<T> raw)
        where T : struct => raw.Values.ToArray().Select(v => (object?)v).ToList();

    private static void Flush(List<object?[]?> rows, List<object?>? current, bool started)
    {
        if (started)
        {
            rows.Add(current?.ToArray());
        }
    }
}
