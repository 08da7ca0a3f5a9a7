using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Input.Npy;

/// <summary>
/// A little-endian <c>.npy</c> array (any <see cref="NpyElementType"/>, C or Fortran order) read by row ranges with
/// positional reads, so batches can be read from any thread without loading the file.
/// </summary>
internal sealed class NpyArray : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly bool _ownsHandle;

    private NpyArray(string file, SafeFileHandle handle, bool ownsHandle, NpyHeader header, NpyElementType type, long rows, int columns)
    {
        File = file;
        _handle = handle;
        _ownsHandle = ownsHandle;
        Header = header;
        ElementType = type;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The path messages name.</summary>
    public string File { get; }

    /// <summary>The parsed header.</summary>
    public NpyHeader Header { get; }

    /// <summary>The element type.</summary>
    public NpyElementType ElementType { get; }

    /// <summary>Rows (the first dimension).</summary>
    public long Rows { get; }

    /// <summary>Elements per row: 1 for a 1-D array, the second dimension for a 2-D array.</summary>
    public int Columns { get; }

    /// <summary>Opens and validates an array; <paramref name="dimensions"/> is 1 for labels, 2 for probabilities.</summary>
    public static NpyArray Open(NpySource source, int dimensions, bool floatingPoint)
    {
        ArgumentNullException.ThrowIfNull(source);
        string file = source.Name;
        NpyHeader header;
        SafeFileHandle handle;
        bool owned;
        try
        {
            (handle, owned) = source.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputDataException($"Cannot read the .npy file: {e.Message}", "Check that the file exists and that the job's user may read it.", file: file, inner: e);
        }
        try
        {
            header = NpyHeader.Read(handle, file);
            NpyElementType? type = NpyElementType.Parse(header.Descr);
            if (type is null || type.IsFloatingPoint != floatingPoint)
            {
                throw new InputDataException(
                    $"The .npy array has dtype '{header.Descr}', expected {(floatingPoint ? NpyElementType.FloatingPointTypes : NpyElementType.IntegerTypes)}",
                    "Convert with numpy: arr.astype(...) and save again.", file: file);
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
            long rows = header.Shape[0];
            long columns = header.Shape.Length == 2 ? header.Shape[1] : 1;
            long length = RandomAccess.GetLength(handle);
            // Dimensions are checked against the file's size before multiplying, so a corrupt shape cannot overflow.
            if (columns > int.MaxValue || (columns > 0 && rows > (length - header.DataOffset) / columns / type.Size))
            {
                throw new InputDataException(
                    $"The .npy file is truncated or its shape is corrupt: {length} bytes cannot hold shape ({string.Join(", ", header.Shape)})",
                    "Save the array again.", file: file);
            }
            return new NpyArray(file, handle, owned, header, type, rows, (int)columns);
        }
        catch
        {
            if (owned) handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads rows <paramref name="firstRow"/>.. of a float array into <paramref name="destination"/> (its length / Columns rows) as double.</summary>
    public void ReadDoubles(long firstRow, Span<double> destination) => Read(firstRow, destination);

    /// <summary>Reads rows <paramref name="firstRow"/>.. of a float16 or float32 array into <paramref name="destination"/> as float.</summary>
    public void ReadSingles(long firstRow, Span<float> destination)
    {
        if (ElementType.Size > sizeof(float)) throw new InvalidOperationException($"float64 array {File} read as float32");
        Read(firstRow, destination);
    }

    /// <summary>Reads rows <paramref name="firstRow"/>.. of a 1-D integer array into <paramref name="destination"/>.</summary>
    public void ReadInt64s(long firstRow, Span<long> destination) => Read(firstRow, destination);

    /// <summary>Closes the file (a shared temporary file stays open for the other readers).</summary>
    public void Dispose()
    {
        if (_ownsHandle) _handle.Dispose();
    }

    // C order stores a row's elements together, so a row range is one block. Fortran order stores column by column,
    // so a row range is one block per column, each spread back into row-major order.
    private void Read<T>(long firstRow, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        int rows = destination.Length / Columns;
        if (!Header.FortranOrder || Columns == 1)
        {
            ReadBlock(Header.DataOffset + firstRow * Columns * ElementType.Size, firstRow, destination);
            return;
        }

        T[] column = BatchBuffers<T>.Shared.Rent(rows);
        try
        {
            for (int c = 0; c < Columns; c++)
            {
                ReadBlock(Header.DataOffset + (c * Rows + firstRow) * ElementType.Size, firstRow, column.AsSpan(0, rows));
                for (int r = 0; r < rows; r++) destination[r * Columns + c] = column[r];
            }
        }
        finally
        {
            BatchBuffers<T>.Shared.Return(column);
        }
    }

    // Same-typed elements are read straight into the destination's bytes; others go through a bounded staging
    // buffer, so a batch never needs a second batch-sized copy of its raw bytes.
    private void ReadBlock<T>(long offset, long firstRow, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        // The format is little-endian on disk; reinterpreting bytes is only right on a little-endian host.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy input needs a little-endian machine");
        if (ElementType.Size == Unsafe.SizeOf<T>() && ElementType.IsFloatingPoint == IsFloatingPoint<T>())
        {
            ReadExactly(offset, firstRow, MemoryMarshal.AsBytes(destination));
            return;
        }
        int perChunk = Math.Max(1, StagingBytes / ElementType.Size);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Math.Min(destination.Length, perChunk) * ElementType.Size);
        try
        {
            for (int first = 0; first < destination.Length; first += perChunk)
            {
                int count = Math.Min(perChunk, destination.Length - first);
                int length = count * ElementType.Size;
                ReadExactly(offset + ((long)first * ElementType.Size), firstRow, bytes.AsSpan(0, length));
                Convert(bytes.AsSpan(0, length), destination.Slice(first, count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Bytes of a staging buffer for elements that need converting.
    private const int StagingBytes = 1 << 20;

    private static bool IsFloatingPoint<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half);

    private void ReadExactly(long offset, long firstRow, Span<byte> destination)
    {
        int read = 0;
        while (read < destination.Length)
        {
            int n = RandomAccess.Read(_handle, destination[read..], offset + read);
            if (n == 0) throw new InputDataException("The .npy file ended early", "Save the array again.", file: File, row: firstRow);
            read += n;
        }
    }

    private void Convert<T>(ReadOnlySpan<byte> raw, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        switch (ElementType.Descr[1..])
        {
            case "f2": Widen(MemoryMarshal.Cast<byte, Half>(raw), destination); break;
            case "f4": Widen(MemoryMarshal.Cast<byte, float>(raw), destination); break;
            case "f8": Widen(MemoryMarshal.Cast<byte, double>(raw), destination); break;
            case "i1": Widen(MemoryMarshal.Cast<byte, sbyte>(raw), destination); break;
            case "i2": Widen(MemoryMarshal.Cast<byte, short>(raw), destination); break;
            case "i4": Widen(MemoryMarshal.Cast<byte, int>(raw), destination); break;
            case "i8": Widen(MemoryMarshal.Cast<byte, long>(raw), destination); break;
            case "u1": Widen(raw, destination); break;
            case "u2": Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination); break;
            case "u4": Widen(MemoryMarshal.Cast<byte, uint>(raw), destination); break;
            default: throw new InvalidOperationException($"dtype {ElementType.Descr} passed validation");
        }
    }

    // Every accepted source type converts exactly into the destination it is read as.
    private static void Widen<TSource, T>(ReadOnlySpan<TSource> source, Span<T> destination)
        where TSource : unmanaged, INumberBase<TSource>
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(TSource) == typeof(T))
        {
            MemoryMarshal.Cast<TSource, T>(source).CopyTo(destination);
            return;
        }
        for (int i = 0; i < source.Length; i++) destination[i] = T.CreateTruncating(source[i]);
    }
}
