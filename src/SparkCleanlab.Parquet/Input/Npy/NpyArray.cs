using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Plan;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// A C-order, little-endian <c>.npy</c> array of int32/int64 or float32/float64, read by row ranges with
/// positional reads, so batches can be read from any thread without loading the file.
/// </summary>
public sealed class NpyArray : IDisposable
{
    private readonly SafeFileHandle _handle;

    private NpyArray(string file, SafeFileHandle handle, NpyHeader header, int elementSize, long rows, int columns)
    {
        File = file;
        _handle = handle;
        Header = header;
        ElementSize = elementSize;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The file path.</summary>
    public string File { get; }

    /// <summary>The parsed header.</summary>
    public NpyHeader Header { get; }

    /// <summary>Bytes per element (4 or 8).</summary>
    public int ElementSize { get; }

    /// <summary>True for float32/float64, false for int32/int64.</summary>
    public bool IsFloatingPoint => Header.Descr[1] == 'f';

    /// <summary>Rows (the first dimension).</summary>
    public long Rows { get; }

    /// <summary>Elements per row: 1 for a 1-D array, the second dimension for a 2-D array.</summary>
    public int Columns { get; }

    /// <summary>Opens and validates an array; <paramref name="dimensions"/> is 1 for labels, 2 for probabilities.</summary>
    public static NpyArray Open(string file, int dimensions, bool floatingPoint)
    {
        NpyHeader header;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1)) header = NpyHeader.Read(stream, file);
        SafeFileHandle handle = System.IO.File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            string expected = floatingPoint ? "float32 ('<f4') or float64 ('<f8')" : "int32 ('<i4') or int64 ('<i8')";
            if (header.Descr is not ("<f4" or "<f8" or "<i4" or "<i8") || (header.Descr[1] == 'f') != floatingPoint)
            {
                throw new InputDataException($"The .npy array has dtype '{header.Descr}', expected {expected}", "Convert with numpy: arr.astype(...) and save again.", file: file);
            }
            if (header.FortranOrder && header.Shape.Length > 1)
            {
                throw new InputDataException("The .npy array is in Fortran (column-major) order", "Save np.ascontiguousarray(arr) instead.", file: file);
            }
            bool shapeOk = dimensions == 1
                ? header.Shape.Length == 1 || (header.Shape.Length == 2 && header.Shape[1] == 1)
                : header.Shape.Length == 2;
            if (!shapeOk)
            {
                throw new InputDataException(
                    $"The .npy array has shape ({string.Join(", ", header.Shape)}), expected {(dimensions == 1 ? "(N,)" : "(N, K)")}",
                    "Save labels as a 1-D array and probabilities as an N x K array.", file: file);
            }
            int elementSize = header.Descr[2] - '0';
            long rows = header.Shape[0];
            int columns = header.Shape.Length == 2 ? checked((int)header.Shape[1]) : 1;
            long needed = header.DataOffset + rows * columns * elementSize;
            if (RandomAccess.GetLength(handle) < needed)
            {
                throw new InputDataException($"The .npy file is truncated: {RandomAccess.GetLength(handle)} bytes, its header promises {needed}", "Save the array again.", file: file);
            }
            return new NpyArray(file, handle, header, elementSize, rows, columns);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads rows <paramref name="firstRow"/>.. into <paramref name="destination"/> (its length / Columns rows), widening to double.</summary>
    public void ReadDoubles(long firstRow, Span<double> destination) => ReadWidened<double, float>(firstRow, destination);

    /// <summary>Reads rows <paramref name="firstRow"/>.. of a 1-D integer array into <paramref name="destination"/>.</summary>
    public void ReadInt64s(long firstRow, Span<long> destination) => ReadWidened<long, int>(firstRow, destination);

    // Elements are stored either as TWide or as the 4-byte TNarrow, which widens exactly.
    private void ReadWidened<TWide, TNarrow>(long firstRow, Span<TWide> destination)
        where TWide : unmanaged, INumberBase<TWide>
        where TNarrow : unmanaged, INumberBase<TNarrow>
    {
        byte[] bytes = ReadBytes(firstRow, destination.Length);
        try
        {
            ReadOnlySpan<byte> raw = bytes.AsSpan(0, destination.Length * ElementSize);
            if (ElementSize == Unsafe.SizeOf<TWide>())
            {
                MemoryMarshal.Cast<byte, TWide>(raw).CopyTo(destination);
                return;
            }

            ReadOnlySpan<TNarrow> narrow = MemoryMarshal.Cast<byte, TNarrow>(raw);
            for (int i = 0; i < narrow.Length; i++) destination[i] = TWide.CreateTruncating(narrow[i]);
        }
        finally
        {
            BatchBuffers<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();

    private byte[] ReadBytes(long firstRow, int elements)
    {
        // The format is little-endian on disk; reinterpreting bytes is only right on a little-endian host.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy input needs a little-endian machine");
        int length = elements * ElementSize;
        byte[] bytes = BatchBuffers<byte>.Shared.Rent(length);
        long offset = Header.DataOffset + firstRow * Columns * ElementSize;
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(_handle, bytes.AsSpan(read, length - read), offset + read);
            if (n == 0)
            {
                BatchBuffers<byte>.Shared.Return(bytes);
                throw new InputDataException("The .npy file ended early", "Save the array again.", file: File, row: firstRow);
            }
            read += n;
        }
        return bytes;
    }
}
