namespace SparkCleanlab.SparkSql;

/// <summary>The Spark SQL data types the executor models.</summary>
public enum TypeKind
{
    /// <summary>The type of an untyped NULL literal.</summary>
    Null,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>TINYINT.</summary>
    Byte,

    /// <summary>SMALLINT.</summary>
    Short,

    /// <summary>INT.</summary>
    Int,

    /// <summary>BIGINT.</summary>
    Long,

    /// <summary>FLOAT.</summary>
    Float,

    /// <summary>DOUBLE.</summary>
    Double,

    /// <summary>DECIMAL(p,s).</summary>
    Decimal,

    /// <summary>STRING.</summary>
    String,

    /// <summary>BINARY.</summary>
    Binary,

    /// <summary>DATE (days since the epoch).</summary>
    Date,

    /// <summary>TIMESTAMP (microseconds since the epoch, UTC).</summary>
    Timestamp,

    /// <summary>TIMESTAMP_NTZ (microseconds, no time zone).</summary>
    TimestampNtz,

    /// <summary>ARRAY&lt;T&gt;.</summary>
    Array,

    /// <summary>STRUCT&lt;...&gt;.</summary>
    Struct,
}
