using System.Globalization;
using Parquet.Schema;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// The Spark SQL type string Spark 3.5's Parquet reader gives a Parquet field. The plan types
/// only the label and the probabilities; every other column passes through by name, so for
/// those a close name is enough.
/// </summary>
internal static class ParquetSparkTypes
{
    /// <summary>The type of <paramref name="field"/> as <c>DataFrame.dtypes</c> prints it.</summary>
    public static string Of(Field field) => field switch
    {
        ListField list => $"array<{Of(list.Item)}>",
        MapField map => $"map<{Of(map.Key)},{Of(map.Value)}>",
        StructField record => $"struct<{string.Join(",", record.Fields.Select(f => $"{f.Name}:{Of(f)}"))}>",
        DecimalDataField number => string.Create(CultureInfo.InvariantCulture, $"decimal({number.Precision},{number.Scale})"),
        DataField { IsArray: true } data => $"array<{Scalar(data)}>",
        DataField data => Scalar(data),
        _ => "binary",
    };

    /// <summary>The type Spark infers for a Hive partition column from its folder values (nulls aside).</summary>
    public static string OfPartitionValues(IEnumerable<string?> values)
    {
        var given = values.OfType<string>().ToList();
        if (given.All(v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            return "int";
        }

        if (given.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            return "bigint";
        }

        return given.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? "double" : "string";
    }

    private static string Scalar(DataField field) => Type.GetTypeCode(field.ClrType) switch
    {
        TypeCode.Boolean => "boolean",
        TypeCode.SByte => "tinyint",
        TypeCode.Byte or TypeCode.Int16 => "smallint",
        TypeCode.UInt16 or TypeCode.Int32 => "int",
        TypeCode.UInt32 or TypeCode.Int64 => "bigint",
        TypeCode.UInt64 => "decimal(20,0)",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal(38,18)",
        TypeCode.String => "string",
        TypeCode.DateTime => "timestamp",
        _ when field.ClrType == typeof(DateOnly) => "date",
        _ => "binary",
    };
}
