using System.Globalization;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// A Spark SQL data type. Two types are equal when their <see cref="SimpleString"/> is, as
/// Spark's <c>sameType</c> ignores nullability.
/// </summary>
public sealed class SqlType : IEquatable<SqlType>
{
    private SqlType(TypeKind kind, int precision = 0, int scale = 0, SqlType? element = null, IReadOnlyList<StructField>? fields = null)
    {
        Kind = kind;
        Precision = precision;
        Scale = scale;
        Element = element;
        Fields = fields ?? [];
        SimpleString = Describe();
    }

    /// <summary>NULL (the type of an untyped NULL).</summary>
    public static SqlType Null { get; } = new(TypeKind.Null);

    /// <summary>BOOLEAN.</summary>
    public static SqlType Boolean { get; } = new(TypeKind.Boolean);

    /// <summary>TINYINT.</summary>
    public static SqlType Byte { get; } = new(TypeKind.Byte);

    /// <summary>SMALLINT.</summary>
    public static SqlType Short { get; } = new(TypeKind.Short);

    /// <summary>INT.</summary>
    public static SqlType Int { get; } = new(TypeKind.Int);

    /// <summary>BIGINT.</summary>
    public static SqlType Long { get; } = new(TypeKind.Long);

    /// <summary>FLOAT.</summary>
    public static SqlType Float { get; } = new(TypeKind.Float);

    /// <summary>DOUBLE.</summary>
    public static SqlType Double { get; } = new(TypeKind.Double);

    /// <summary>STRING.</summary>
    public static SqlType String { get; } = new(TypeKind.String);

    /// <summary>BINARY.</summary>
    public static SqlType Binary { get; } = new(TypeKind.Binary);

    /// <summary>DATE.</summary>
    public static SqlType Date { get; } = new(TypeKind.Date);

    /// <summary>TIMESTAMP.</summary>
    public static SqlType Timestamp { get; } = new(TypeKind.Timestamp);

    /// <summary>TIMESTAMP_NTZ.</summary>
    public static SqlType TimestampNtz { get; } = new(TypeKind.TimestampNtz);

    /// <summary>The kind of type.</summary>
    public TypeKind Kind { get; }

    /// <summary>Decimal precision.</summary>
    public int Precision { get; }

    /// <summary>Decimal scale.</summary>
    public int Scale { get; }

    /// <summary>The element type of an array.</summary>
    public SqlType? Element { get; }

    /// <summary>The fields of a struct.</summary>
    public IReadOnlyList<StructField> Fields { get; }

    /// <summary>The type as Spark's <c>simpleString</c> prints it.</summary>
    public string SimpleString { get; }

    /// <summary>The type as Spark's <c>sql</c> prints it (upper case), used in generated column names.</summary>
    public string Sql => Kind switch
    {
        TypeKind.Array => $"ARRAY<{Element!.Sql}>",
        TypeKind.Struct => $"STRUCT<{string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Type.Sql}"))}>",
        _ => SimpleString.ToUpperInvariant(),
    };

    /// <summary>True for the integral types.</summary>
    public bool IsIntegral => Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Int or TypeKind.Long;

    /// <summary>True for every numeric type, decimals included.</summary>
    public bool IsNumeric => IsIntegral || Kind is TypeKind.Float or TypeKind.Double or TypeKind.Decimal;

    /// <summary>True for types that are neither arrays nor structs.</summary>
    public bool IsAtomic => Kind is not (TypeKind.Array or TypeKind.Struct or TypeKind.Null);

    /// <summary>DECIMAL(p,s).</summary>
    public static SqlType Decimal(int precision, int scale)
    {
        if (precision is < 1 or > 38 || scale < 0 || scale > precision)
        {
            throw new AnalysisException($"[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision {precision} exceeds max precision 38 or scale {scale} is invalid.");
        }

        return new SqlType(TypeKind.Decimal, precision, scale);
    }

    /// <summary>ARRAY&lt;element&gt;.</summary>
    public static SqlType ArrayOf(SqlType element) => new(TypeKind.Array, element: element);

    /// <summary>STRUCT of the fields.</summary>
    public static SqlType StructOf(IReadOnlyList<StructField> fields) => new(TypeKind.Struct, fields: fields);

    /// <summary>Parses a type string as Spark's DDL parser accepts it (<c>int</c>, <c>decimal(10,2)</c>, <c>array&lt;struct&lt;a:int&gt;&gt;</c>, ...).</summary>
    public static SqlType Parse(string text) => TypeStringParser.Parse(text);

    /// <summary>The integral-to-decimal widening of Spark's <c>DecimalType.forType</c>.</summary>
    public SqlType? DecimalForIntegral() => Kind switch
    {
        TypeKind.Byte => Decimal(3, 0),
        TypeKind.Short => Decimal(5, 0),
        TypeKind.Int => Decimal(10, 0),
        TypeKind.Long => Decimal(20, 0),
        TypeKind.Decimal => this,
        _ => null,
    };

    /// <inheritdoc/>
    public bool Equals(SqlType? other) => other is not null && string.Equals(SimpleString, other.SimpleString, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SqlType);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(SimpleString);

    /// <inheritdoc/>
    public override string ToString() => SimpleString;

    private string Describe() => Kind switch
    {
        TypeKind.Null => "void",
        TypeKind.Boolean => "boolean",
        TypeKind.Byte => "tinyint",
        TypeKind.Short => "smallint",
        TypeKind.Int => "int",
        TypeKind.Long => "bigint",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})"),
        TypeKind.String => "string",
        TypeKind.Binary => "binary",
        TypeKind.Date => "date",
        TypeKind.Timestamp => "timestamp",
        TypeKind.TimestampNtz => "timestamp_ntz",
        TypeKind.Array => $"array<{Element!.SimpleString}>",
        _ => $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.Type.SimpleString}"))}>",
    };
}
