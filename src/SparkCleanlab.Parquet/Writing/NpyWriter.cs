using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// Writes a C-order <c>.npy</c> array as <c>numpy.save</c> lays it out (version 1.0 header, 64-byte aligned),
/// row slice by row slice, so an array larger than memory can be generated.
/// </summary>
internal sealed class NpyWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly long _elements;
    private long _written;

    private NpyWriter(FileStream stream, long elements)
    {
        _stream = stream;
        _elements = elements;
    }

    /// <summary>Creates <paramref name="path"/> for an array of <paramref name="descr"/> (e.g. <c>&lt;f4</c>) and <paramref name="shape"/>.</summary>
    public static NpyWriter Create(string path, string descr, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        string dims = shape.Length == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{shape[0]},")
            : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        return new NpyWriter(stream, shape.Aggregate(1L, (a, b) => a * b));
    }

    /// <summary>Appends the next elements in C order.</summary>
    public void Append<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        _written += values.Length;
        if (_written > _elements) throw new InvalidOperationException($"the array holds {_elements} elements, {_written} were appended");
        _stream.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Closes the file; throws when fewer elements were appended than the shape promises.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (_written != _elements) throw new InvalidOperationException($"the array holds {_elements} elements, only {_written} were appended");
    }
}
