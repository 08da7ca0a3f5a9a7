namespace SparkCleanlab.Parquet.Input;

/// <summary>Recognises Parquet files by content, for part files written without an extension.</summary>
internal static class ParquetMagic
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>True when the file starts and ends with Parquet's <c>PAR1</c> marker.</summary>
    public static bool HasMagic(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        if (stream.Length < 2 * Magic.Length) return false;
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        stream.ReadExactly(head);
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        return head.SequenceEqual(Magic) && tail.SequenceEqual(Magic);
    }
}
