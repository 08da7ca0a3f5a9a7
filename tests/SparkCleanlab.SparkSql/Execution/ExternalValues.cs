using System.Numerics;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Conversions between the executor's values and what <see cref="FrameRow"/>
/// carries: DECIMAL as <see cref="decimal"/>, DATE as <see cref="DateOnly"/>, timestamps as
/// <see cref="DateTime"/> (UTC for TIMESTAMP), arrays and structs as <c>object?[]</c>.
/// </summary>
internal static class ExternalValues
{
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static object? ToExternal(object? value, SqlType type) => value switch
    {
        null => null,
        BigInteger unscaled => Decimals.ToClr(unscaled, type.Scale),
        int days when type.Kind == TypeKind.Date => Epoch.AddDays(days),
        long micros when type.Kind == TypeKind.Timestamp => DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(micros * 10), DateTimeKind.Utc),
        long micros when type.Kind == TypeKind.TimestampNtz => DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(micros * 10), DateTimeKind.Unspecified),
        object?[] items when type.Kind == TypeKind.Array => items.Select(i => ToExternal(i, type.Element!)).ToArray(),
        object?[] fields => fields.Select((f, i) => ToExternal(f, type.Fields[i].Type)).ToArray(),
        _ => value,
    };

    public static object? ToInternal(object? value, SqlType type)
    {
        if (value is null)
        {
            return null;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return type.Kind switch
        {
            TypeKind.Int => Convert.ToInt32(value, invariant),
            TypeKind.Long => Convert.ToInt64(value, invariant),
            TypeKind.Short => Convert.ToInt16(value, invariant),
            TypeKind.Byte => Convert.ToSByte(value, invariant),
            TypeKind.Double => Convert.ToDouble(value, invariant),
            TypeKind.Float => Convert.ToSingle(value, invariant),
            TypeKind.Boolean => (bool)value,
            TypeKind.String => (string)value,
            TypeKind.Decimal => Decimals.Parse(Convert.ToDecimal(value, invariant).ToString(invariant)) is { } d
                ? Decimals.Rescale(d.Unscaled, d.Scale, type.Scale) : null,
            TypeKind.Date => value is DateOnly date ? date.DayNumber - Epoch.DayNumber : DateOnly.FromDateTime((DateTime)value).DayNumber - Epoch.DayNumber,
            TypeKind.Timestamp or TypeKind.TimestampNtz => value is DateTimeOffset offset ? (offset.UtcDateTime - DateTime.UnixEpoch).Ticks / 10 : (((DateTime)value) - DateTime.UnixEpoch).Ticks / 10,
            TypeKind.Array => ((System.Collections.IEnumerable)value).Cast<object?>().Select(v => ToInternal(v, type.Element!)).ToArray(),
            TypeKind.Struct => ((object?[])value).Select((v, i) => ToInternal(v, type.Fields[i].Type)).ToArray(),
            _ => value,
        };
    }
}
