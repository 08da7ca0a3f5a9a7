using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SparkCleanlab.Parquet.Tests.Support;

/// <summary>A tiny .npy writer that lays bytes out exactly as numpy.save does (version 1.0 header, 64-byte aligned).</summary>
public static class NpyFile
{
    public static void Write<T>(string path, string descr, T[] values, params long[] shape) where T : struct =>
        Write(path, descr, false, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), shape);

    public static void Write(string path, string descr, bool fortran, byte[] data, params long[] shape)
    {
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({dims}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(data);
    }
}
