using System.Buffers.Binary;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Walks a Parquet footer's Thrift compact encoding with bounds checks before Parquet.Net decodes it. Parquet.Net
/// reads a varint past the end of a truncated or garbled footer as an endless run of 0xFF bytes and never
/// returns, so a footer whose structure does not close inside its own length must be refused before it gets there.
/// </summary>
internal static class ParquetFooterCheck
{
    private const int MaxDepth = 64;
    private const int TailLength = 8;
    private const int MagicLength = 4;

    /// <summary>Null when the footer is well formed, else what is wrong with it.</summary>
    public static string? Problem(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        if (stream.Length < MagicLength + TailLength) return $"the file has {stream.Length} bytes, too few for Parquet";
        Span<byte> tail = stackalloc byte[TailLength];
        stream.Seek(-TailLength, SeekOrigin.End);
        stream.ReadExactly(tail);
        if (!tail[MagicLength..].SequenceEqual("PAR1"u8)) return "the file does not end with the Parquet magic 'PAR1'";
        long footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > stream.Length - MagicLength - TailLength) return $"the footer length {footerLength} does not fit the file";
        byte[] footer = new byte[footerLength];
        stream.Seek(-TailLength - footerLength, SeekOrigin.End);
        stream.ReadExactly(footer);
        var walker = new Walker(footer);
        return walker.SkipStruct(0) ? null : "the footer's metadata is truncated or corrupt";
    }

    private ref struct Walker(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public bool SkipStruct(int depth)
        {
            if (depth > MaxDepth) return false;
            while (true)
            {
                if (!TryByte(out byte header)) return false;
                if (header == 0) return true;
                if (header >> 4 == 0 && !TryVarint(out _)) return false;
                if (!SkipValue(header & 0x0F, depth, inList: false)) return false;
            }
        }

        private bool SkipValue(int type, int depth, bool inList) => type switch
        {
            1 or 2 => !inList || TryByte(out _),
            3 => TryByte(out _),
            4 or 5 or 6 => TryVarint(out _),
            7 => TrySkip(8),
            8 => TryVarint(out ulong length) && length <= int.MaxValue && TrySkip((int)length),
            9 or 10 => SkipList(depth),
            11 => SkipMap(depth),
            12 => SkipStruct(depth + 1),
            _ => false,
        };

        private bool SkipList(int depth)
        {
            if (!TryByte(out byte header)) return false;
            ulong count = (ulong)(header >> 4);
            if (count == 15 && !TryVarint(out count)) return false;
            // Every element takes at least one byte, so a count beyond the bytes left is corrupt.
            if (count > (ulong)(_bytes.Length - _at)) return false;
            for (ulong i = 0; i < count; i++)
            {
                if (!SkipValue(header & 0x0F, depth + 1, inList: true)) return false;
            }
            return true;
        }

        private bool SkipMap(int depth)
        {
            if (!TryVarint(out ulong count)) return false;
            if (count == 0) return true;
            if (count > (ulong)(_bytes.Length - _at) || !TryByte(out byte types)) return false;
            for (ulong i = 0; i < count; i++)
            {
                if (!SkipValue(types >> 4, depth + 1, inList: true) || !SkipValue(types & 0x0F, depth + 1, inList: true)) return false;
            }
            return true;
        }

        private bool TryByte(out byte value)
        {
            value = 0;
            if (_at >= _bytes.Length) return false;
            value = _bytes[_at++];
            return true;
        }

        private bool TrySkip(int count)
        {
            if (count > _bytes.Length - _at) return false;
            _at += count;
            return true;
        }

        private bool TryVarint(out ulong value)
        {
            value = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                if (!TryByte(out byte b)) return false;
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return true;
            }
            return false;
        }
    }
}
