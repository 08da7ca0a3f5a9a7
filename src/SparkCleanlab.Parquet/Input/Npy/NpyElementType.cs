namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// The element types a cleanlab user's arrays come in: float16/32/64 probabilities and signed or unsigned integer
/// labels up to 64 bits (uint64 excluded: its values need not fit a label). Little-endian only, as numpy writes
/// on every common machine; one-byte types carry numpy's <c>|</c> (no byte order).
/// </summary>
/// <param name="Descr">The numpy dtype string, e.g. <c>&lt;f4</c>.</param>
/// <param name="Size">Bytes per element.</param>
/// <param name="IsFloatingPoint">True for float16/32/64.</param>
internal sealed record NpyElementType(string Descr, int Size, bool IsFloatingPoint)
{
    /// <summary>The accepted probability types, as an error message lists them.</summary>
    public const string FloatingPointTypes = "float16 ('<f2'), float32 ('<f4') or float64 ('<f8')";

    /// <summary>The accepted label types, as an error message lists them.</summary>
    public const string IntegerTypes = "int8..int64 ('|i1', '<i2', '<i4', '<i8') or uint8..uint32 ('|u1', '<u2', '<u4')";

    /// <summary>True for unsigned integers.</summary>
    public bool IsUnsigned => Descr[1] == 'u';

    /// <summary>The type of <paramref name="descr"/>, or null when it is not one of the accepted types.</summary>
    public static NpyElementType? Parse(string descr) => descr switch
    {
        "<f2" => new(descr, 2, true),
        "<f4" => new(descr, 4, true),
        "<f8" => new(descr, 8, true),
        "|i1" or "<i1" => new(descr, 1, false),
        "<i2" => new(descr, 2, false),
        "<i4" => new(descr, 4, false),
        "<i8" => new(descr, 8, false),
        "|u1" or "<u1" => new(descr, 1, false),
        "<u2" => new(descr, 2, false),
        "<u4" => new(descr, 4, false),
        _ => null,
    };
}
