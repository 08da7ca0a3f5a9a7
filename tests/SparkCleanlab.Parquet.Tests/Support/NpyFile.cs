using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace SparkCleanlab.Parquet.Tests.Support;

/// <summary>A tiny .npy and .npz writer that lays bytes out exactly as numpy.save and numpy.savez do (version 1.0 header, 64-byte aligned).</summary>
public static class NpyFile
{
    public static void Write<T>(string path, string descr, T[] values, params long[] shape) where T : struct =>
        Write(path, descr, false, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), shape);

    public static void Write(string path, string descr, bool fortran, byte[] data, params long[] shape) =>
        File.WriteAllBytes(path, Bytes(descr, fortran, data, shape));

    public static byte[] Bytes<T>(string descr, T[] values, params long[] shape) where T : struct =>
        Bytes(descr, false, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), shape);

    public static byte[] Bytes(string descr, bool fortran, byte[] data, params long[] shape)
    {
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({dims}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(data);
        return stream.ToArray();
    }

    /// <summary>An .npz archive of named arrays: stored like numpy.savez, or deflated like numpy.savez_compressed.</summary>
    public static void WriteArchive(string path, bool compressed, params (string Name, byte[] Npy)[] arrays)
    {
        using ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, npy) in arrays)
        {
            ZipArchiveEntry entry = archive.CreateEntry(name + ".npy", compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using Stream stream = entry.Open();
            stream.Write(npy);
        }
    }
}
