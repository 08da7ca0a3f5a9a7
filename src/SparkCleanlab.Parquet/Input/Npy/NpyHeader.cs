using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): element type, memory order and
/// shape, and where the raw data starts.
/// </summary>
/// <param name="Descr">The dtype string, e.g. <c>&lt;f8</c>.</param>
/// <param name="FortranOrder">True for column-major data.</param>
/// <param name="Shape">The array's dimensions.</param>
/// <param name="DataOffset">Byte offset of the first element.</param>
internal sealed partial record NpyHeader(string Descr, bool FortranOrder, long[] Shape, long DataOffset)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads and parses the header at the start of the file behind <paramref name="handle"/>.</summary>
    public static NpyHeader Read(SafeFileHandle handle, string file)
    {
        Span<byte> prefix = stackalloc byte[12];
        int prefixLength = RandomAccess.Read(handle, prefix, 0);
        if (prefixLength < 10 || !prefix[..6].SequenceEqual(Magic))
        {
            throw Invalid(file, "does not start with the NumPy magic string");
        }
        byte major = prefix[6];
        (int lengthBytes, Encoding encoding) = major switch
        {
            1 => (2, Encoding.Latin1),
            2 => (4, Encoding.Latin1),
            3 => (4, Encoding.UTF8),
            _ => throw Invalid(file, $"has unsupported format version {major}.{prefix[7]}"),
        };
        if (prefixLength < 8 + lengthBytes) throw Invalid(file, "is truncated inside its header");
        long headerLength = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        long dataOffset = 8 + lengthBytes + headerLength;
        // A corrupt length must not make us allocate gigabytes before finding the file is shorter.
        if (dataOffset > RandomAccess.GetLength(handle)) throw Invalid(file, "is truncated inside its header");
        byte[] header = new byte[headerLength];
        int read = 0;
        while (read < header.Length)
        {
            int n = RandomAccess.Read(handle, header.AsSpan(read), 8 + lengthBytes + read);
            if (n == 0) throw Invalid(file, "is truncated inside its header");
            read += n;
        }
        return Parse(encoding.GetString(header), dataOffset, file);
    }

    private static NpyHeader Parse(string header, long dataOffset, string file)
    {
        Match descr = DescrPattern().Match(header);
        Match fortran = FortranPattern().Match(header);
        Match shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success) throw Invalid(file, $"has an unreadable header {header.Trim()}");
        string[] parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        long[] dimensions = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out dimensions[i]))
            {
                throw Invalid(file, $"has an unreadable shape ({shape.Groups[1].Value})");
            }
        }
        return new NpyHeader(descr.Groups[1].Value, fortran.Groups[1].Value == "True", dimensions, dataOffset);
    }

    private static InputDataException Invalid(string file, string what) =>
        new($"The .npy file {what}", "Save the array with numpy.save.", file: file);

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
