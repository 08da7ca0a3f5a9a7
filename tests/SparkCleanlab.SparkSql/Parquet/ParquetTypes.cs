using Parquet.Schema;
using ParquetStructField = Parquet.Schema.StructField;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Parquet to Spark types as <c>ParquetToSparkSchemaConverter</c> maps them: INT_8/INT_16 to
/// tinyint/smallint, unsigned integers widened (UINT_8 smallint, UINT_16 int, UINT_32 bigint,
/// UINT_64 decimal(20,0)), timestamps adjusted to UTC to <c>timestamp</c> and the others to
/// <c>timestamp_ntz</c>, un-annotated byte arrays to binary; and back for writing.
/// </summary>
internal static class ParquetTypes
{
    public static SqlType ToSql(Field field) => field switch
    {
        ListField list => SqlType.ArrayOf(ToSql(list.Item)),
        ParquetStructField @struct => SqlType.StructOf(@struct.Fields.Select(f => new StructField(f.Name, ToSql(f))).ToList()),
        DecimalDataField d => SqlType.Decimal(d.Precision, d.Scale),
        DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } => SqlType.Date,
        DateTimeDataField t => t.DateTimeFormat == DateTimeFormat.Timestamp && !t.IsAdjustedToUTC ? SqlType.TimestampNtz : SqlType.Timestamp,
        DataField data => data.ClrType switch
        {
            var t when t == typeof(bool) => SqlType.Boolean,
            var t when t == typeof(sbyte) => SqlType.Byte,
            var t when t == typeof(short) || t == typeof(byte) => SqlType.Short,
            var t when t == typeof(int) || t == typeof(ushort) => SqlType.Int,
            var t when t == typeof(long) || t == typeof(uint) => SqlType.Long,
            var t when t == typeof(ulong) => SqlType.Decimal(20, 0),
            var t when t == typeof(float) => SqlType.Float,
            var t when t == typeof(double) => SqlType.Double,
            var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => SqlType.String,
            var t when t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>) => SqlType.Binary,
            var t when t == typeof(decimal) => SqlType.Decimal(38, 18),
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => SqlType.Timestamp,
            var t when t == typeof(DateOnly) => SqlType.Date,
            var t => throw new AnalysisException($"[UNSUPPORTED_DATATYPE] Parquet type {t.Name} of column `{field.Name}` is not supported."),
        },
        _ => throw new AnalysisException($"[UNSUPPORTED_DATATYPE] Parquet field `{field.Name}` ({field.SchemaType}) is not supported."),
    };

    /// <summary>The element type the untyped serializer expects in a list of <paramref name="type"/>.</summary>
    public static Type ClrElementType(SqlType type) => type.Kind switch
    {
        TypeKind.Boolean => typeof(bool?),
        TypeKind.Byte => typeof(sbyte?),
        TypeKind.Short => typeof(short?),
        TypeKind.Int => typeof(int?),
        TypeKind.Long => typeof(long?),
        TypeKind.Float => typeof(float?),
        TypeKind.Double => typeof(double?),
        TypeKind.String => typeof(string),
        TypeKind.Binary => typeof(byte[]),
        TypeKind.Decimal => typeof(decimal?),
        TypeKind.Date or TypeKind.Timestamp or TypeKind.TimestampNtz => typeof(DateTime?),
        TypeKind.Struct => typeof(IDictionary<string, object?>),
        _ => typeof(object),
    };

    public static Field ToParquet(string name, SqlType type) => type.Kind switch
    {
        TypeKind.Boolean => new DataField<bool?>(name),
        TypeKind.Byte => new DataField<sbyte?>(name),
        TypeKind.Short => new DataField<short?>(name),
        TypeKind.Int => new DataField<int?>(name),
        TypeKind.Long => new DataField<long?>(name),
        TypeKind.Float => new DataField<float?>(name),
        TypeKind.Double => new DataField<double?>(name),
        TypeKind.String => new DataField<string>(name),
        TypeKind.Binary => new DataField<byte[]>(name),
        TypeKind.Decimal => new DecimalDataField(name, type.Precision, type.Scale, isNullable: true),
        TypeKind.Date => new DateTimeDataField(name, DateTimeFormat.Date, isNullable: true),
        TypeKind.Timestamp => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
        TypeKind.TimestampNtz => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
        TypeKind.Array => new ListField(name, ToParquet("element", type.Element!)),
        TypeKind.Struct => new ParquetStructField(name, type.Fields.Select(f => ToParquet(f.Name, f.Type)).ToArray()),
        _ => throw new AnalysisException($"[UNSUPPORTED_DATATYPE] Cannot write a {type.Sql} column to Parquet."),
    };
}
